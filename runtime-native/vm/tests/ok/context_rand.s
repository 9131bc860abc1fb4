; uid/gid/euid/egid/ppid from the host; randint(n) stays in [0,n); randint above 2^20 is SystemTap's error
; expect: ids ok 1 1 1 1 1
; expect: randint in range 1, randint(1) 0, randint(0) 0
; expect-error: ERROR: range too wide
.func main ret=void iregs=12 sregs=1
  hcall r1, r0, s0, uid
  ldi r0, 0
  ge r1, r1, r0
  hcall r2, r0, s0, gid
  ge r2, r2, r0
  hcall r3, r0, s0, euid
  ge r3, r3, r0
  hcall r4, r0, s0, egid
  ge r4, r4, r0
  hcall r5, r0, s0, ppid
  ge r5, r5, r0
  lds s0, "ids ok %d %d %d %d %d\n"
  hcall r0, r1, s0, printf/5/1
  ldi r1, 1
  ldi r2, 0
  ldi r8, 7
loop:
  hcall r3, r8, s0, randint
  ldi r0, 0
  lt r4, r3, r0
  lt r5, r3, r8
  lnot r5, r5
  or r4, r4, r5
  jz r4, ok
  ldi r1, 0
ok:
  addi r2, r2, 1
  ldi r0, 200
  lt r4, r2, r0
  jnz r4, loop
  ldi r9, 1
  hcall r2, r9, s0, randint
  ldi r9, 0
  hcall r3, r9, s0, randint
  lds s0, "randint in range %d, randint(1) %d, randint(0) %d\n"
  hcall r0, r1, s0, printf/3/1
  ldi r9, 1048577
  hcall r3, r9, s0, randint
  retv
.end
.probe begin main

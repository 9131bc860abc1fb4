; MAXACTION charges backward jumps and calls: a handler may spend exactly MAXACTION, one more is the error
; expect: 2 calls + 1 backward jump = MAXACTION passes
; expect-error: ERROR: MAXACTION exceeded near identifier 'i' at t.stp:3:5
.limits maxaction=3
.func f ret=void
  retv
.end
.func loop ret=void iregs=3 iargs=1
; argument r0: iterations; backward jumps = r0 - 1
  ldi r1, 0
top:
  addi r1, r1, 1
  lt r2, r1, r0
.loc "identifier 'i' at t.stp:3:5"
  jnz r2, top
  retv
.end
.func exact ret=void iregs=1 sregs=1
  ldi r0, 2
  call r0, r0, s0, loop
  call r0, r0, s0, f
  lds s0, "2 calls + 1 backward jump = MAXACTION passes"
  hcall r0, r0, s0, println
  retv
.end
; 1 call + 3 backward jumps: the third jump is one too many
.func over ret=void iregs=1
  ldi r0, 4
  call r0, r0, s0, loop
  retv
.end
.probe "begin" exact
.probe "begin" over

; a counting loop with a backward jump, and a string built by concatenation
; expect: sum=4950 s=0123456789
.func main ret=void iregs=5 sregs=3
  ldi r0, 0
  ldi r1, 0
  ldi r2, 100
top:
  add r1, r1, r0
  addi r0, r0, 1
  lt r3, r0, r2
  jnz r3, top
  ldi r0, 0
  ldi r2, 10
l2:
  i2s s1, r0
  concat s0, s0, s1
  addi r0, r0, 1
  lt r3, r0, r2
  jnz r3, l2
  mov r0, r1
  lds s1, "sum=%d s=%s\n"
  movs s2, s0
  hcall r4, r0, s1, printf/1/2
  retv
.end
.probe begin main

; wrapping 64-bit arithmetic, shifts, bitwise, comparisons, printf formats
; expect: 7 -3 10 2 1
; expect: -9223372036854775808 9223372036854775807
; expect: 256 -1 ff 0x10 0017|  42|42  |+5|-0001
; expect: 1 0 1 0 0 1
.func main ret=void iregs=12 sregs=2
  ldi r0, 5
  ldi r1, 2
  add r2, r0, r1
  sub r3, r1, r0
  mul r4, r0, r1
  div r5, r0, r1
  mod r6, r0, r1
  lds s0, "%d %d %d %d %d\n"
  hcall r11, r2, s0, printf/5/1
  ldk r0, 9223372036854775807
  ldi r1, 1
  add r2, r0, r1
  sub r3, r2, r1
  lds s0, "%d %d\n"
  hcall r11, r2, s0, printf/2/1
  ldi r0, 1
  ldi r1, 8
  shl r2, r0, r1
  ldi r3, -256
  shr r3, r3, r1
  ldi r4, 255
  ldi r5, 16
  ldi r6, 15
  ldi r7, 42
  ldi r8, 42
  ldi r9, 5
  ldi r10, -1
  lds s0, "%d %d %x %#x %04o|%4d|%-4d|%+d|%05d\n"
  hcall r11, r2, s0, printf/9/1
  ldi r0, 3
  ldi r1, 4
  lt r2, r0, r1
  gt r3, r0, r1
  ne r4, r0, r1
  eq r5, r0, r1
  lnot r6, r0
  lnot r7, r6
  lds s0, "%d %d %d %d %d %d\n"
  hcall r11, r2, s0, printf/6/1
  retv
.end
.probe begin main

; SystemTap edge cases: substr outside the string or with length <= 0 is "", huge length is the rest;
; strtol is the kernel's simple_strtol (no blanks skipped, "0x" needs a hex digit for base 0, '+' stops);
; stringat outside the string is an error
; expect: [] [] [] [lo] [hello]
; expect: 0 0 255 0 -8 0 10 0
; expect: odd base -1: 1
; expect-error: ERROR: Position out of bounds near identifier 'stringat' at t.stp:9:1
.func main ret=void iregs=12 sregs=4
  lds s1, "hello"
  lds s0, "[%s] "
  ldi r0, 5
  ldi r1, 1
  hcalls s2, r0, s1, substr
  movs s3, s2
  movs s2, s0
  hcall r11, r0, s2, printf/0/2
  ldi r0, -1
  hcalls s2, r0, s1, substr
  movs s3, s2
  movs s2, s0
  hcall r11, r0, s2, printf/0/2
  ldi r0, 1
  ldi r1, 0
  hcalls s2, r0, s1, substr
  movs s3, s2
  movs s2, s0
  hcall r11, r0, s2, printf/0/2
  ldi r0, 3
  ldi r1, 100000
  hcalls s2, r0, s1, substr
  movs s3, s2
  movs s2, s0
  hcall r11, r0, s2, printf/0/2
  ldi r0, 0
  ldi r1, 2000000000
  mul r1, r1, r1
  hcalls s2, r0, s1, substr
  movs s3, s2
  lds s2, "[%s]\n"
  hcall r11, r0, s2, printf/0/2
  ldi r11, 0
  lds s0, " 12"
  hcall r0, r11, s0, strtol
  lds s0, "0xg"
  hcall r1, r11, s0, strtol
  lds s0, "0xff"
  hcall r2, r11, s0, strtol
  lds s0, "+5"
  hcall r3, r11, s0, strtol
  lds s0, "-010"
  hcall r4, r11, s0, strtol
  ldi r11, 36
  lds s0, "z"
  hcall r5, r11, s0, strtol
  lds s0, "a"
  hcall r6, r11, s0, strtol
  ldi r11, 2
  lds s0, "2"
  hcall r7, r11, s0, strtol
  lds s0, "%d %d %d %d %d %d %d %d\n"
  hcall r11, r0, s0, printf/8/1
  ldi r11, -1
  lds s0, "1"
  hcall r0, r11, s0, strtol
  lds s0, "odd base -1: %d\n"
  hcall r11, r0, s0, printf/1/1
  ldi r0, 5
.loc "identifier 'stringat' at t.stp:9:1"
  hcall r1, r0, s1, stringat
  retv
.end
.probe begin main

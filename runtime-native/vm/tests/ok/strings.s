; string helpers and comparisons
; expect: 5 ell 1 0 255 -42 16
; expect: 1 0 1 1
.func main ret=void iregs=12 sregs=6
  lds s0, "hello"
  hcall r0, r0, s0, strlen
  ldi r1, 1
  ldi r2, 3
  movs s1, s0
  hcalls s2, r1, s1, substr
  lds s3, "ll"
  movs s4, s3
  movs s3, s0
  hcall r3, r0, s3, isinstr
  lds s4, "xyz"
  hcall r4, r0, s3, isinstr
  lds s5, "0xff"
  ldi r11, 0
  hcall r5, r11, s5, strtol
  lds s5, "-42"
  ldi r11, 10
  hcall r6, r11, s5, strtol
  lds s5, "20"
  ldi r11, 8
  hcall r7, r11, s5, strtol
  mov r1, r0
  mov r2, r3
  mov r3, r4
  mov r4, r5
  mov r5, r6
  mov r6, r7
  lds s0, "%d %s %d %d %d %d %d\n"
  movs s1, s2
  hcall r0, r1, s0, printf/6/2
  lds s0, "abc"
  lds s1, "abd"
  slt r0, s0, s1
  sgt r1, s0, s1
  sne r2, s0, s1
  movs s2, s0
  seq r3, s0, s2
  mov r4, r0
  mov r5, r1
  mov r6, r2
  mov r7, r3
  lds s0, "%d %d %d %d\n"
  hcall r0, r4, s0, printf/4/1
  retv
.end
.probe begin main

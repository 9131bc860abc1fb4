; %#c (the pretty printer's '%#c' for char members): printable chars as they are, \n and the like as
; their escapes, backslash and quote escaped, other bytes as three octal digits
; expect: 'A' '\n' '\000' '\\' '\'' '\377' [  \t]
.func main ret=void iregs=8 sregs=1
  lds s0, "'%#c' '%#c' '%#c' '%#c' '%#c' '%#c' [%#4c]\n"
  ldi r0, 65
  ldi r1, 10
  ldi r2, 0
  ldi r3, 92
  ldi r4, 39
  ldi r5, 255
  ldi r6, 9
  hcall r7, r0, s0, printf/7/1
  retv
.end
.probe "begin" main

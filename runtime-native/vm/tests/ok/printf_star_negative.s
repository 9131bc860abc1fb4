; a negative * width pads nothing (stap passes it to number() as the field width), with or without '-'
; expect: [42] [42] [x]
.func main ret=void iregs=6 sregs=3
  lds s0, "[%*d] [%-*d] [%*s]\n"
  lds s1, "x"
  ldi r0, -6
  ldi r1, 42
  ldi r2, -6
  ldi r3, 42
  ldi r4, -4
  hcall r5, r0, s0, printf/5/2
  retv
.end
.probe begin main

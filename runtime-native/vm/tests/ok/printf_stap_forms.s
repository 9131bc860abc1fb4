; SystemTap's printf forms: * width/precision from int arguments, %b raw bytes, %c of 0 is a NUL byte,
; %#0Nx pads with spaces, precision 0 still prints 0
; expect: [    42] [ab] [  0xbeef] [0]
.func main ret=void iregs=6 sregs=2
  lds s0, "[%*d] [%.*s] [%#08x] [%.0d]\n"
  lds s1, "abcdef"
  ldi r0, 6
  ldi r1, 42
  ldi r2, 2
  ldi r3, 48879
  ldi r4, 0
  hcall r5, r0, s0, printf/5/2
  retv
.end
.probe begin main

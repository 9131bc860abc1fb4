; strlen with two string arguments
; expect-reject: function 0 insn 1: helper strlen called with 0 int and 2 string arguments
.func main ret=void iregs=1 sregs=2
  lds s0, "x"
  hcall r0, r0, s0, strlen/0/2
  retv
.end

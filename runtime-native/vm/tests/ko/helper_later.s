; a reserved helper id is not callable yet
; expect-reject: function 0 insn 0: helper print_ubacktrace is not implemented
.func main ret=void iregs=1 sregs=1
  hcall r0, r0, s0, print_ubacktrace
  retv
.end

; an unknown helper id
; expect-reject: function 0 insn 0: unknown helper 99
.func main ret=void iregs=1
  hcall r0, r0, s0, #99
  retv
.end

; calling a string helper with HCALL
; expect-reject: function 0 insn 0: HCALL of helper execname whose return kind is string
.func main ret=void iregs=1
  hcall r0, r0, s0, execname
  retv
.end

; a reserved helper id is not callable yet
; expect-reject: function 0 insn 0: helper backtrace is not implemented
.func main ret=void iregs=1 sregs=1
  hcalls s0, r0, s0, backtrace
  retv
.end

; an opcode number that does not exist
; expect-reject: function 0 insn 0: unknown opcode 0xee
.func main ret=void
  .raw 0xee
  retv
.end

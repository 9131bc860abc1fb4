; an unused field must be zero
; expect-reject: function 0 insn 0: field B must be 0
.func main ret=void iregs=1
  .raw 0x00000000000a0003
  retv
.end

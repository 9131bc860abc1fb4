; reading a string global with the int opcode (int/string confusion)
; expect-reject: function 0 insn 0: GGET needs a int global, global 0 holds string
.global name str
.func main ret=void iregs=1
  gget r0, name
  retv
.end

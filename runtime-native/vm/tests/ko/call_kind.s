; calling a string function with the int CALL
; expect-reject: function 0 insn 0: CALL of function 1 whose return kind is string
.func main ret=void iregs=1
  call r0, r0, s0, g
  retv
.end
.func g ret=str sregs=1
  rets s0
.end

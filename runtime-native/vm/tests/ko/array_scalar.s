; array access on a scalar global
; expect-reject: function 0 insn 0: AGET needs an array, global 0 is a scalar
.global x int
.func main ret=void iregs=1
  aget r0, r0, s0, x
  retv
.end

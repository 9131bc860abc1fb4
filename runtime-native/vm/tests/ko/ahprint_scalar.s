; the keyed histogram print on a scalar histogram (key window must match the declared keys)
; expect-reject: function 0 insn 0: AHPRINT needs an array, global 0 is a scalar
.global h stat log
.func main ret=void iregs=1
  ahprint r0, s0, h
  retv
.end

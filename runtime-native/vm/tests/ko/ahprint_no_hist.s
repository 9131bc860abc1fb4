; the keyed histogram print also needs a histogram statistic
; expect-reject: function 0 insn 1: global 0 has no histogram
.global st stat keys=i
.func main ret=void iregs=1
  ldi r0, 1
  ahprint r0, s0, st
  retv
.end

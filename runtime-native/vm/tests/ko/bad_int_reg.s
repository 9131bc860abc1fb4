; an int register beyond the declared count
; expect-reject: function 0 insn 0: int register r9 out of range [0,4)
.func main ret=void iregs=4
  ldi r9, 1
  retv
.end

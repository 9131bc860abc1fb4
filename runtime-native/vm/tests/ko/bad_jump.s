; a jump past the end of the function
; expect-reject: function 0 insn 1: jump target 40 out of range [0,3)
.func main ret=void iregs=1
  ldi r0, 1
  jnz r0, @38
  retv
.end

; a jump before the start of the function
; expect-reject: function 0 insn 0: jump target -5 out of range [0,2)
.func main ret=void
  jmp @-6
  retv
.end

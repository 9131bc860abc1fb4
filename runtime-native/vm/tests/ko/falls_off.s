; a conditional jump as the last instruction lets control fall off the end
; expect-reject: function 0 insn 1: control falls off the end of the function
.func main ret=void iregs=1
  ldi r0, 0
  jz r0, @-2
.end

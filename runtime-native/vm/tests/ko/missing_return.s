; a function whose last instruction is not a return
; expect-reject: function 1 insn 1: control falls off the end of the function
.func main ret=void
  retv
.end
.func f ret=int iregs=1
  ldi r0, 1
  add r0, r0, r0
.end

; a TRY handler must follow the protected block
; expect-reject: function 0 insn 1: TRY handler must follow the protected block (offset -2)
.func main ret=void sregs=1
top:
  nop
  try s0, top
  retv
.end
.probe begin main

; a call whose argument window runs past the register file
; expect-reject: function 0 insn 0: int register window r1..r2 out of range [0,2)
.func main ret=void iregs=2
  call r0, r1, s0, g
  retv
.end
.func g ret=int iregs=2 iargs=2
  ret r0
.end

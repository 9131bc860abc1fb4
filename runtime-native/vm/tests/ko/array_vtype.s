; an int store into a string-valued array
; expect-reject: function 0 insn 0: ASET needs a int global, global 0 holds string
.global a str keys=i
.func main ret=void iregs=1
  aset r0, r0, s0, a
  retv
.end

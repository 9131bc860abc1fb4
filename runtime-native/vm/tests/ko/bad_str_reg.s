; a string register beyond the declared count
; expect-reject: function 0 insn 0: string register s2 out of range [0,2)
.func main ret=void sregs=2
  lds s2, "x"
  retv
.end

; returning a string from an int function
; expect-reject: function 0 insn 1: RETS in a function returning int
.func f ret=int sregs=1
  lds s0, "x"
  rets s0
.end

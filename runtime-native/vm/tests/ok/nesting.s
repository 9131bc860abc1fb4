; unbounded recursion stops at MAXNESTING
; expect-error: ERROR: MAXNESTING exceeded
.limits maxnesting=8 maxaction=100000
.func main ret=void iregs=1
  call r0, r0, s0, f
  retv
.end
.func f ret=int iregs=1
  call r0, r0, s0, f
  ret r0
.end
.probe begin main

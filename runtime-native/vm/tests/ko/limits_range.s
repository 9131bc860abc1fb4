; MAXSTRINGLEN too small to be useful
; expect-reject: limits: MAXSTRINGLEN 1 out of range [2,4096]
.limits maxstringlen=1
.func main ret=void
  retv
.end

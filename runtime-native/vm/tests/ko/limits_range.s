; MAXSTRINGLEN too small to be useful
; expect-reject: limits: MAXSTRINGLEN 8 out of range [16,4096]
.limits maxstringlen=8
.func main ret=void
  retv
.end

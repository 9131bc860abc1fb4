; a string constant as long as MAXSTRINGLEN
; expect-reject: string 1: length 16 exceeds MAXSTRINGLEN-1 (15)
.limits maxstringlen=16
.func main ret=void sregs=1
  lds s0, "0123456789abcdef"
  retv
.end

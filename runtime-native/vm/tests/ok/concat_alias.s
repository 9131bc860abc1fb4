; CONCAT whose destination is also an operand (A = A . C, A = B . A, A = A . A), truncated to MAXSTRINGLEN-1
; expect: ab|ba|abab
; expect: 0123456789abcde
; expect: cdef0123456789a
.limits maxstringlen=16
.func main ret=void iregs=1 sregs=5
  lds s0, "a"
  lds s1, "b"
  concat s0, s0, s1
  lds s2, "b"
  lds s3, "a"
  concat s3, s2, s3
  lds s4, "ab"
  concat s4, s4, s4
  lds s1, "|"
  concat s0, s0, s1
  concat s0, s0, s3
  concat s0, s0, s1
  concat s0, s0, s4
  hcall r0, r0, s0, println
  lds s0, "01234567"
  lds s1, "89abcdef"
  concat s0, s0, s1
  concat s0, s0, s1
  lds s2, "cdef"
  lds s3, "0123456789abcdef"
  concat s3, s2, s3
  hcall r0, r0, s0, println
  hcall r0, r0, s3, println
  retv
.end
.probe begin main

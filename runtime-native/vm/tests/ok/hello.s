; the smallest program: print from begin, exit code 0
; expect: hello world
.func main ret=void iregs=1 sregs=1
  lds s0, "hello world\n"
  hcall r0, r0, s0, print
  retv
.end
.probe begin main

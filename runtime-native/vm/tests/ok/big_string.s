; a string constant longer than MAXSTRINGLEN-1 is truncated when loaded, as SystemTap truncates literals
; expect: 0123456789abcde
.limits maxstringlen=16
.func main ret=void iregs=1 sregs=1
  lds s0, "0123456789abcdef"
  hcall r0, r0, s0, println
  retv
.end
.probe begin main

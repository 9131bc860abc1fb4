; warn() prints WARNING: msg on the error stream, each distinct message once
; expect-error: WARNING: one
; expect-error: WARNING: two
.func main ret=void iregs=1 sregs=1
  lds s0, "one"
  hcall r0, r0, s0, warn
  lds s0, "two"
  hcall r0, r0, s0, warn
  lds s0, "one"
  hcall r0, r0, s0, warn
  retv
.end
.probe begin main

; error() raises a runtime error with the script's message; MAXERRORS=0 aborts the session
; expect-error: ERROR: custom failure near identifier 'error' at t.stp:1:1
.func main ret=void sregs=1
  lds s0, "custom failure"
.loc "identifier 'error' at t.stp:1:1"
  throw s0
.end
.func never ret=void iregs=1 sregs=1
  lds s0, "end must not run after an abort"
  hcall r0, r0, s0, println
  retv
.end
.probe begin main
.probe end never

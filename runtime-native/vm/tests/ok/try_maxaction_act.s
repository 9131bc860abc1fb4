; a try block catches MAXACTION exceeded, but its handler starts by spending one action (as stap's
; catch does), which fails again with the budget used up: the error leaves near the try
; expect-error: ERROR: MAXACTION exceeded near keyword at t.stp:2:3
.limits maxaction=5
.func main ret=void iregs=1 sregs=2
  try s1, handler
top:
  act 3
  jmp top
handler:
.loc "keyword at t.stp:2:3"
  act 1
  lds s0, "caught (wrong)"
  hcall r0, r0, s0, println
  retv
.end
.probe "begin" main

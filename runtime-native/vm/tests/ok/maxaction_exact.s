; MAXACTION as stap counts it: ACT spends from 10 x MAXACTION; a handler may spend 10 x MAXACTION - 1, and reaching 0 is the error
; expect: 29 of 30 spent
; expect-error: ERROR: MAXACTION exceeded near identifier 'i' at t.stp:3:5
.limits maxaction=3
.func exact ret=void iregs=1 sregs=1
  act 20
  act 9
  lds s0, "29 of 30 spent"
  hcall r0, r0, s0, println
  retv
.end
.func over ret=void
  act 29
.loc "identifier 'i' at t.stp:3:5"
  act 1
  retv
.end
.probe begin exact
.probe begin over

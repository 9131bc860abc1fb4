; ACTCHK: stap's check at the start of a body with a bounded statement count; it spends nothing
; expect: 2 left, 2 needed
; expect-error: ERROR: MAXACTION exceeded near identifier 'f' at t.stp:1:1
.limits maxaction=3
.func ok ret=void iregs=1 sregs=1
  act 28
  actchk 2
  actchk 2
  lds s0, "2 left, 2 needed"
  hcall r0, r0, s0, println
  retv
.end
.func short ret=void
  act 28
.loc "identifier 'f' at t.stp:1:1"
  actchk 3
  retv
.end
.probe "begin" ok
.probe "begin" short

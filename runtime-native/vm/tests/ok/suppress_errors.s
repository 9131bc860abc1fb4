; limits flag 1 (--suppress-handler-errors): a handler's error ends that handler, is counted, is not
; printed and does not abort the session, so the next probe still runs
; expect: before
; expect: second
.limits flags=1
.func main ret=void iregs=3 sregs=1
  lds s0, "before\n"
  hcall r0, r0, s0, print
  ldi r0, 1
.loc "operator '/' at t.stp:3:9"
  div r2, r0, r1
  lds s0, "after\n"
  hcall r0, r0, s0, print
  retv
.end
.func second ret=void iregs=1 sregs=1
  lds s0, "second\n"
  hcall r0, r0, s0, print
  retv
.end
.probe "begin" main
.probe "begin" second

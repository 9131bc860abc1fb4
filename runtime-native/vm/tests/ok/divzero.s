; division by zero is a runtime error naming the source location; the handler stops there
; expect: before
; expect-error: ERROR: division by 0 near operator '/' at t.stp:3:9
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
.probe begin main

; a try block does not catch MAXACTION exceeded: the handler must still end in bounded time
; expect-error: ERROR: MAXACTION exceeded near keyword at t.stp:2:3
.limits maxaction=50
.func main ret=void iregs=1 sregs=2
  try s1, handler
.loc "keyword at t.stp:2:3"
top:
  jmp top
handler:
  lds s0, "caught (wrong)"
  hcall r0, r0, s0, println
  retv
.end
.probe begin main

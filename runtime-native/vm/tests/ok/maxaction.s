; an infinite loop ends with MAXACTION exceeded
; expect-error: ERROR: MAXACTION exceeded near keyword at t.stp:2:3
.limits maxaction=500
.func main ret=void
.loc "keyword at t.stp:2:3"
top:
  jmp top
.end
.probe begin main

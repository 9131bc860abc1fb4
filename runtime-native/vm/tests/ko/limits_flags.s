; a limits flag the runtime does not know
; expect-reject: limits: unknown flags 0x2
.limits flags=2
.func main ret=void iregs=1
  retv
.end

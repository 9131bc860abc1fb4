; a limits flag the runtime does not know
; expect-reject: limits: FLAGS 2 out of range [0,1]
.limits flags=2
.func main ret=void iregs=1
  retv
.end

; a limits flag the runtime does not know
; expect-reject: limits: FLAGS 16 out of range [0,15]
.limits flags=16
.func main ret=void iregs=1
  retv
.end

; a limits flag the runtime does not know
; expect-reject: limits: FLAGS 4 out of range [0,3]
.limits flags=4
.func main ret=void iregs=1
  retv
.end

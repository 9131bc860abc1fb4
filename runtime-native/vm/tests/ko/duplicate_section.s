; the same section twice
; expect-reject: section 1: duplicate strings section
.sections 1 1 4
.func main ret=void
  retv
.end

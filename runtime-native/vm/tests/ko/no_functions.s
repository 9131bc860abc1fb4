; a module without code
; expect-reject: missing functions section
.sections 1
.func main ret=void
  retv
.end

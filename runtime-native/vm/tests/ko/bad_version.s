; a future format version
; expect-reject: unsupported module version 9 (expected 1)
.func main ret=void
  retv
.end
.poke8 4 9

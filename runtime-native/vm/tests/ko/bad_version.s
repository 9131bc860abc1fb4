; a future format version
; expect-reject: unsupported module version 9 (expected 2)
.func main ret=void
  retv
.end
.poke8 4 9

; a section length larger than the file
; expect-reject: section 1: length 4096 exceeds file (44 bytes left)
.func main ret=void
  nop
  nop
  retv
.end
.poke32 36 4096

; a file cut in the middle of the functions section
; expect-reject: section 1: length 44 exceeds file (20 bytes left)
.func main ret=void
  nop
  nop
  retv
.end
.truncate 60

; a section header cut short
; expect-reject: section 1: header truncated at byte 32
.func main ret=void
  retv
.end
.truncate 36

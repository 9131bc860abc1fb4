; a code length larger than the functions section
; expect-reject: function 0: code length 1000 exceeds section length
.func main ret=void
  retv
.end
.poke32 56 1000

; a string count that cannot fit in its section
; expect-reject: strings: count 1000000 exceeds section length
.func main ret=void
  retv
.end
.poke32 20 1000000

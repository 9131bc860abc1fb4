; a section length that leaves bytes unparsed
; expect-reject: strings section: 4 trailing bytes
.func main ret=void
  retv
.end
.poke32 16 19
.poke32 12 2
.truncate 0
.append 0x53 0x54 0x56 0x4d 2 0 0 0 2 0 0 0 1 0 0 0 8 0 0 0 0 0 0 0 0 0 0 0 4 0 0 0 8 0 0 0 0 0 0 0 0 0 0 0

; not a module at all
; expect-reject: bad magic: not a stapvm module
.func main ret=void
  retv
.end
.poke8 0 0x45

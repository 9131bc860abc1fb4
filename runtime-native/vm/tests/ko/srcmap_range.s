; a source map entry pointing past the code (built by hand)
; expect-reject: source map entry 0: (function 0, pc 5, string 1) out of range
.func main ret=void
.loc "x at y:1:1"
  retv
.end
.poke32 -8 5

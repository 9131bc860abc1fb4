; the pp() text is a string of the table
; expect-reject: probe 0: pp string 7 out of range [0,2)
.func main ret=void
  retv
.end
.probe begin main
.poke32 -48 7

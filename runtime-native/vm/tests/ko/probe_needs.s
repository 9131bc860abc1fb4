; a kprobe needs its symbol
; expect-reject: probe 0: a KPROBE probe needs a symbol
.func main ret=void
  retv
.end
.probe kprobe main

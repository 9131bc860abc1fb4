; a timer needs a period
; expect-reject: probe 0: a TIMER probe needs a period
.func main ret=void
  retv
.end
.probe timer main jitter=5

; a flag the kind's row does not allow (a begin probe has no return)
; expect-reject: probe 0: flags 0x1 not allowed on a BEGIN probe
.func main ret=void
  retv
.end
.probe begin main return

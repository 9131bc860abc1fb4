; a field the kind does not have (a begin probe has no path)
; expect-reject: probe 0: a BEGIN probe has no path
.func main ret=void
  retv
.end
.probe begin main path=/bin/true

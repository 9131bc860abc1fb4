; a probe record's kind must be a row of probes.def
; expect-reject: probe 0: unknown probe kind 99
.func main ret=void
  retv
.end
.probe #99 main

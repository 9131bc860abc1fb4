; a probe handler must take no arguments
; expect-reject: probe 0: handler function 0 must take no arguments and return nothing
.func main ret=void iregs=1 iargs=1
  retv
.end
.probe begin main

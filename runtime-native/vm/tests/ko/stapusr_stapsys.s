; a module is of one privilege level
; expect-reject: limits: privilege both stapsys and stapusr
.limits flags=12
.func main ret=void
  retv
.end
.probe begin main

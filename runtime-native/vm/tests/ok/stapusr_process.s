; a stapusr module may run begin probes and helpers that read no kernel memory
; expect: hello stapusr
.limits flags=8
.func main ret=void iregs=2 sregs=1
  hcall r1, r0, s0, pid
  lds s0, "hello stapusr\n"
  hcall r0, r0, s0, print
  retv
.end
.probe begin main

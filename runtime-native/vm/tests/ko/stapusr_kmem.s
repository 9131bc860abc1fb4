; a stapusr module may not call a helper that reads kernel memory (helpers.def's KMEM)
; expect-reject: function 0 insn 1: helper kernel_long reads kernel memory: not allowed in a stapusr module
.limits flags=8
.func main ret=void iregs=2
  ldi r0, 0
  hcall r1, r0, s0, kernel_long
  retv
.end
.probe begin main

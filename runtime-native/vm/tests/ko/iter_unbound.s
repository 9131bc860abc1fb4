; ITNEXT on an iterator no ITINIT binds
; expect-reject: function 0 insn 0: iterator 0 is never initialised
.global a int keys=i
.func main ret=void iregs=1 iters=1
  itnext i0, r0, s0, @0
  retv
.end

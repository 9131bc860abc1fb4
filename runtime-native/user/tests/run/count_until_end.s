; prints "ready" at begin, counts timer.ms(100) hits, prints the count and target() at end
.global n int
.func ready ret=void iregs=1 sregs=1
  lds s0, "ready"
  hcall r0, r0, s0, println
  retv
.end
.func tick ret=void iregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  retv
.end
.func fin ret=void iregs=3 sregs=1
  gget r0, n
  hcall r1, r0, s0, target
  lds s0, "end n=%d target=%d\n"
  hcall r2, r0, s0, printf/2/1
  retv
.end
.probe begin ready
.probe timer tick period=100000000 pp=timer.ms(100)
.probe end fin

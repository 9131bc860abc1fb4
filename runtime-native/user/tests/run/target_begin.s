; target() is known in the begin probe, before the -c command runs
.func show ret=void iregs=2 sregs=1
  hcall r0, r0, s0, target
  lds s0, "begin target=%d\n"
  hcall r1, r0, s0, printf/1/1
  retv
.end
.func fin ret=void iregs=1 sregs=1
  lds s0, "end"
  hcall r0, r0, s0, println
  retv
.end
.probe begin show
.probe end fin

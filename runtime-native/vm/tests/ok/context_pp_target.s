; pp() names the running probe point; target() is 0 without -x/-c; the clocks count up
; expect: begin 0 1
; expect: end
.func main ret=void iregs=4 sregs=3
  hcalls s0, r0, s0, pp
  hcall r0, r0, s0, target
  hcall r1, r0, s0, local_clock_ns
  ldi r3, 0
  gt r1, r1, r3
  lds s1, "%s %d %d\n"
  movs s2, s0
  movs s0, s1
  movs s1, s2
  hcall r2, r0, s0, printf/2/2
  retv
.end
.func fin ret=void iregs=1 sregs=1
  hcalls s0, r0, s0, pp
  hcall r0, r0, s0, println
  retv
.end
.probe begin main
.probe end fin

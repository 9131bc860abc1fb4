; an entry program's runtime error is counted and its return handler is not run for that call
; expect: ok
; expect-error: ERROR: division by 0
.global n int
.limits maxerrors=5
.func entry ret=void iregs=2
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  ldi r1, 1
  sub r1, r0, r1
  div r1, r0, r1
  est r1, 0
  retv
.end
.func ret ret=void iregs=1 sregs=1
  lds s0, "ok"
  hcall r0, r0, s0, println
  retv
.end
.probe kprobe ret sym=f return pp="kernel.function(\"f\").return"
.entry 0 entry 8

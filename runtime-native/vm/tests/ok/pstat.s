; statistics per CPU (pstat.c). The corpus runs begin on one CPU; api_test runs probe 1 twice on
; CPU 0's execution context, three times on CPU 1's and once on CPU 2's (n = 1..6, st <<< n*n,
; h[n % 3] <<< n*n), then end, which merges the copies as SystemTap does and prints them.
; expect: ok
; expect: st: count=0 sum=0 min=0 max=0 avg=0 var=0
; expect: after delete: 1 in h=0 2 in h=0; after clear: count=0
.global n int
.global st stat
.global h stat keys=i
.func main ret=void iregs=1 sregs=1
  lds s0, "ok\n"
  hcall r0, r0, s0, printf/0/1
  retv
.end
.func add ret=void iregs=3
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  mul r1, r0, r0
  sadd r1, st
  ldi r2, 3
  mod r2, r0, r2
  aadd r1, r2, s0, h
  retv
.end
.func show ret=void iregs=14 sregs=1 iters=1
  sagg r0, st
  lds s0, "st: count=%d sum=%d min=%d max=%d avg=%d var=%d\n"
  hcall r11, r0, s0, printf/6/1
  itinit i0, r0, 0, h
next:
  itnext i0, r6, s0, done
  aagg r7, r6, s0, h
  lds s0, "h[%d]: count=%d sum=%d min=%d max=%d avg=%d var=%d\n"
  hcall r13, r6, s0, printf/7/1
  jmp next
done:
  itend i0
  ldi r6, 1
  adel r6, s0, h
  aexists r0, r6, s0, h
  ldi r6, 2
  aexists r1, r6, s0, h
  aclear st
  sagg r2, st
  lds s0, "after delete: 1 in h=%d 2 in h=%d; after clear: count=%d\n"
  hcall r11, r0, s0, printf/3/1
  retv
.end
.probe begin main
.probe timer add period=1000000000 pp=timer.s(1)
.probe end show

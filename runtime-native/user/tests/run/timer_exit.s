; a timer probe counts to 10 and calls exit(); the end probe sees the count
.global n int
.func tick ret=void iregs=3 sregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  ldi r1, 10
  lt r2, r0, r1
  jnz r2, more
  exit
more:
  retv
.end
.func fin ret=void iregs=2 sregs=1
  gget r0, n
  lds s0, "n=%d\n"
  hcall r1, r0, s0, printf/1/1
  retv
.end
.probe timer tick period=2000000 jitter=1000000 pp=timer.ms(2).randomize(1)
.probe end fin

; each timer hit prints 128 lines of 501 bytes (64128 bytes); the 40th hit calls exit(): 2.5 MB in all
.global n int
.func tick ret=void iregs=5 sregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  ldi r1, 0
  lds s0, "%0500d\n"
loop:
  hcall r3, r0, s0, printf/1/1
  addi r1, r1, 1
  ldi r2, 128
  lt r4, r1, r2
  jnz r4, loop
  ldi r1, 40
  lt r2, r0, r1
  jnz r2, more
  exit
more:
  retv
.end
.probe timer tick period=1000000 pp=timer.ms(1)

; a runtime error in a timer probe is reported and (MAXERRORS=0) ends the run: no end probes
.global n int
.func tick ret=void iregs=4 sregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  ldi r1, 3
  lt r2, r0, r1
  jnz r2, boom
  exit
  retv
boom:
  ldi r3, 0
  div r3, r0, r3
  retv
.end
.probe timer tick period=1000000 pp=timer.ms(1)

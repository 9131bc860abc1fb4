; int and string globals keep their values across probes; exit() lets the handler finish
; expect: count=3 last=end
; expect: still running
.global count int
.global last str
.func bump ret=void iregs=1 sregs=1
  gget r0, count
  addi r0, r0, 1
  gset r0, count
  lds s0, "bump"
  gsets s0, last
  retv
.end
.func fin ret=void iregs=2 sregs=3
  gget r0, count
  lds s0, "end"
  gsets s0, last
  ggets s2, last
  lds s1, "count=%d last=%s\n"
  hcall r1, r0, s1, printf/1/2
  exit
  lds s0, "still running"
  hcall r1, r0, s0, println
  retv
.end
.probe begin bump
.probe begin bump
.probe begin bump
.probe end fin

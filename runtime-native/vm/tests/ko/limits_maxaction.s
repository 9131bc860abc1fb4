; MAXACTION past stap's int budget: a hit would run for minutes with interrupts off in stapvm.ko
; expect-reject: limits: MAXACTION 2147483648 out of range [1,2147483647]
.limits maxaction=2147483648
.func main ret=void
  retv
.end

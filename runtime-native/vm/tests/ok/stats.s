; statistics: <<< into scalar and keyed aggregates, @count @sum @min @max @avg @variance, histogram buckets
; expect: count=4 sum=20 min=2 max=8 avg=5 var=6
; expect: k7: count=2 sum=3 min=1 max=2 avg=1 var=1
; expect: linear buckets: under=1 [0,10)=2 [10,20)=1 over=1
.global st stat
.global ks stat keys=i
.global h stat linear=0:30:10
.func main ret=void iregs=12 sregs=1
  ldi r0, 2
  sadd r0, st
  ldi r0, 4
  sadd r0, st
  ldi r0, 6
  sadd r0, st
  ldi r0, 8
  sadd r0, st
  sagg r0, st
  lds s0, "count=%d sum=%d min=%d max=%d avg=%d var=%d\n"
  hcall r11, r0, s0, printf/6/1
  ldi r6, 7
  ldi r0, 1
  aadd r0, r6, s0, ks
  ldi r0, 2
  aadd r0, r6, s0, ks
  aagg r0, r6, s0, ks
  lds s0, "k7: count=%d sum=%d min=%d max=%d avg=%d var=%d\n"
  hcall r11, r0, s0, printf/6/1
  ldi r0, -5
  sadd r0, h
  ldi r0, 3
  sadd r0, h
  ldi r0, 9
  sadd r0, h
  ldi r0, 15
  sadd r0, h
  ldi r0, 99
  sadd r0, h
  ldi r1, 0
  shist r2, r1, h
  ldi r1, 1
  shist r3, r1, h
  ldi r1, 2
  shist r4, r1, h
  ldi r1, 5
  shist r5, r1, h
  lds s0, "linear buckets: under=%d [0,10)=%d [10,20)=%d over=%d\n"
  hcall r11, r2, s0, printf/4/1
  retv
.end
.probe begin main

; log histogram buckets: index 64 holds 0, 64+k holds [2^(k-1), 2^k), 64-k the negatives
; expect: zero=1 one=1 two-three=2 minus-two-three=1 out-of-range=0
.global h stat log
.func main ret=void iregs=10 sregs=1
  ldi r0, 0
  sadd r0, h
  ldi r0, 1
  sadd r0, h
  ldi r0, 2
  sadd r0, h
  ldi r0, 3
  sadd r0, h
  ldi r0, -3
  sadd r0, h
  ldi r1, 64
  shist r2, r1, h
  ldi r1, 65
  shist r3, r1, h
  ldi r1, 66
  shist r4, r1, h
  ldi r1, 62
  shist r5, r1, h
  ldi r1, 1000
  shist r6, r1, h
  lds s0, "zero=%d one=%d two-three=%d minus-two-three=%d out-of-range=%d\n"
  hcall r0, r2, s0, printf/5/1
  retv
.end
.probe begin main

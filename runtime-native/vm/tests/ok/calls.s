; recursive calls with int and string arguments and results; without foreach an execution context holds no foreach storage
; expect: fib(15)=610 greet=hello, bob!
; expect-iters: foreach entries: 0
.limits maxnesting=32 maxaction=100000
.func main ret=void iregs=4 sregs=4
  ldi r0, 15
  call r1, r0, s0, fib
  lds s0, "bob"
  calls s1, r0, s0, greet
  lds s2, "fib(15)=%d greet=%s\n"
  movs s3, s1
  hcall r0, r1, s2, printf/1/2
  retv
.end
.func fib ret=int iregs=4 iargs=1
  ldi r1, 2
  lt r2, r0, r1
  jz r2, rec
  ret r0
rec:
  addi r1, r0, -1
  call r2, r1, s0, fib
  addi r1, r0, -2
  call r3, r1, s0, fib
  add r0, r2, r3
  ret r0
.end
.func greet ret=str sregs=2 sargs=1
  lds s1, "hello, "
  concat s1, s1, s0
  lds s0, "!"
  concat s1, s1, s0
  rets s1
.end
.probe begin main

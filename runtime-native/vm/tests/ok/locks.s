; lock sets (verify_locks.c): per probe, the globals its handler and callees use, by ascending
; index, w when any path writes. ping/pong call each other (a cycle: both get the union), shared is
; called from two probes, <<< takes the read lock (each CPU adds into its own copy) while reading a
; statistic (aagg) takes the write lock (it merges every CPU's copy), a read and a write of one
; global is one write lock, globals a handler does not reach and ITNEXT/ITEND add nothing, a
; function calling itself gets its own set (rec: the write of global 5 comes after the recursive call).
; expect: ok
; expect-locks: probe 0 begin: 0r
; expect-locks: probe 1 timer.s(1): 0r 1r 2w 3r
; expect-locks: probe 2 timer.s(2): 1r 2r 3r 4w
; expect-locks: probe 3 timer.s(3): 0w 4w
; expect-locks: probe 4 process("/bin/true").function("f").return: 0w
; expect-locks: entry 4 process("/bin/true").function("f").return: 1r
; expect-locks: probe 5 timer.s(4):
; expect-locks: probe 6 timer.s(5): 0r
; expect-locks: probe 7 timer.s(6): 0r 5w
.global n int
.global s str
.global a int keys=i
.global st stat
.global h stat keys=i
.global depth int
.func main ret=void iregs=2 sregs=1
  gget r0, n
  lds s0, "ok\n"
  hcall r1, r0, s0, printf/0/1
  retv
.end
.func ping ret=void iregs=1
  gget r0, n
  jz r0, done
  call r0, r0, s0, pong
done:
  retv
.end
.func pong ret=void iregs=2
  ldi r0, 1
  aset r0, r0, s0, a
  call r1, r0, s0, ping
  retv
.end
.func shared ret=void iregs=1 sregs=1
  ldi r0, 1
  sadd r0, st
  ggets s0, s
  retv
.end
.func p1 ret=void iregs=1
  call r0, r0, s0, ping
  call r0, r0, s0, shared
  retv
.end
.func p2 ret=void iregs=8 iters=1
  call r0, r0, s0, shared
  itinit i0, r0, 0, a
next:
  itnext i0, r0, s0, end
  jmp next
end:
  itend i0
  ldi r0, 1
  aagg r2, r0, s0, h
  retv
.end
.func p3 ret=void iregs=1
  gget r0, n
  gset r0, n
  aclear h
  retv
.end
.func ent ret=void sregs=1
  ggets s0, s
  retv
.end
.func ret ret=void iregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  retv
.end
.func none ret=void
  retv
.end
.probe begin main
.probe timer p1 period=1000000000 pp=timer.s(1)
.probe timer p2 period=2000000000 pp=timer.s(2)
.probe timer p3 period=3000000000 pp=timer.s(3)
.probe process_function ret path=/bin/true sym=f return pp="process(\"/bin/true\").function(\"f\").return"
.func shown ret=void iregs=2 sregs=1
  gget r0, n
  lds s0, "n=%d\n"
  hcall r1, r0, s0, printf/1/1
  retv
.end
.probe timer none period=4000000000 pp=timer.s(4)
.func rec ret=void iregs=1
  gget r0, n
  jz r0, out
  call r0, r0, s0, rec
  gset r0, depth
out:
  retv
.end
.probe timer shown period=5000000000 pp=timer.s(5)
.probe timer rec period=6000000000 pp=timer.s(6)
.entry 4 ent 8

; foreach storage (verify_iters.c): nested foreach, foreach in a function recursing to the deepest
; frame MAXNESTING allows, foreach over full arrays. Each snapshot has its own place in the execution
; context's storage, laid out at load: a callee's never overwrites a live one of its callers (rec
; recurses from inside its loop, main calls rec from inside a loop over big), and the storage is
; exactly the deepest chain's: main's slots (4 + 3 + 16) + rec at depths 1..3 (3 x 4) + leaf at
; depth 4, the deepest frame (16; rec there may not call) = 51 entries.
; expect-iters: foreach entries: 51
; expect: 1: 3 2 1
; expect: 2: 6 4 2
; expect: 3: 9 6 3
; expect: 4: 12 8 4
; expect: rec 4: 4 3 2 1
; expect: leaf: 16 keys, first 15, last 0
; expect: rec 3: 1 2 3 4
; expect: rec 2: 4 3 2 1
; expect: rec 1: 1 2 3 4
; expect: big: 16 keys, sum 120
.limits maxnesting=4 maxmapentries=16 maxaction=100000
.global a int keys=i size=4
.global b int keys=i size=3
.global big int keys=i
.func main ret=void iregs=8 sregs=4 iters=3
; a[1..4] = 10..40, b[1..3] = 1..3, big[0..15] = 0..15: all three full
  ldi r0, 1
fill:
  ldi r1, 10
  mul r1, r0, r1
  aset r1, r0, s0, a
  ldi r1, 3
  lt r1, r1, r0
  jnz r1, skipb
  aset r0, r0, s0, b
skipb:
  addi r0, r0, 1
  ldi r1, 5
  lt r1, r0, r1
  jnz r1, fill
  ldi r0, 0
fillbig:
  aset r0, r0, s0, big
  addi r0, r0, 1
  ldi r1, 16
  lt r1, r0, r1
  jnz r1, fillbig
; foreach (k in a+) { line = k ":"; foreach (j in b-) line .= " " k*j; println(line) }
  ldi r7, 0
  itinit i0, r7, 5, a
outer:
  itnext i0, r0, s0, odone
  i2s s1, r0
  lds s2, ":"
  concat s1, s1, s2
  itinit i1, r7, 6, b
inner:
  itnext i1, r1, s0, idone
  mul r2, r0, r1
  i2s s2, r2
  lds s3, " "
  concat s1, s1, s3
  concat s1, s1, s2
  jmp inner
idone:
  itend i1
  hcall r6, r0, s1, println
  jmp outer
odone:
  itend i0
; foreach (k in big) { if (first) rec(1); count++; sum += k }
  ldi r2, 0
  ldi r3, 0
  itinit i2, r7, 0, big
bnext:
  itnext i2, r0, s0, bdone
  jnz r2, counted
  ldi r5, 1
  call r6, r5, s0, rec
counted:
  addi r2, r2, 1
  add r3, r3, r0
  jmp bnext
bdone:
  itend i2
  lds s0, "big: %d keys, sum %d\n"
  hcall r6, r2, s0, printf/2/1
  retv
.end
; rec(n): foreach (k in a), ascending at odd n, descending at even n; on the first key rec(n + 1)
; while n < 4, and leaf() at n == 3; then println("rec n:" keys)
.func rec ret=int iregs=8 sregs=3 iargs=1 iters=1
  ldi r1, 2
  mod r1, r0, r1
  ldi r7, 0
  jz r1, even
  itinit i0, r7, 5, a
  jmp go
even:
  itinit i0, r7, 6, a
go:
  i2s s1, r0
  lds s2, "rec "
  concat s1, s2, s1
  lds s2, ":"
  concat s1, s1, s2
  ldi r3, 1
next:
  itnext i0, r4, s0, done
  lds s2, " "
  concat s1, s1, s2
  i2s s2, r4
  concat s1, s1, s2
  jz r3, next
  ldi r3, 0
  ldi r5, 4
  lt r5, r0, r5
  jz r5, next
  addi r5, r0, 1
  call r6, r5, s0, rec
  ldi r5, 3
  ne r5, r0, r5
  jnz r5, next
  call r6, r0, s0, leaf
  jmp next
done:
  itend i0
  hcall r6, r0, s1, println
  ret r0
.end
; leaf(): foreach (k in big-) by value, descending: count, first and last key
.func leaf ret=void iregs=6 sregs=1 iters=1
  ldi r0, 0
  ldi r1, 0
  itinit i0, r0, 2, big
n:
  itnext i0, r3, s0, d
  jnz r1, notfirst
  mov r2, r3
notfirst:
  addi r1, r1, 1
  jmp n
d:
  itend i0
  lds s0, "leaf: %d keys, first %d, last %d\n"
  hcall r5, r1, s0, printf/3/1
  retv
.end
.probe begin main

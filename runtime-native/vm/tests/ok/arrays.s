; arrays with mixed int/string keys: set, get, exists, delete, sorted foreach with limit
; expect: a[1,x]=10 a[2,y]=20 missing=0 exists=1 0
; expect: 3 c 30
; expect: 2 y 20
; expect: 1 x 10
; expect: by value desc limit 2: c b
; expect: after delete: 2
.global a int keys=is
.global names str keys=s
.func main ret=void iregs=10 sregs=4 iters=2
  ldi r0, 1
  lds s0, "x"
  ldi r1, 10
  aset r1, r0, s0, a
  ldi r0, 2
  lds s0, "y"
  ldi r1, 20
  aset r1, r0, s0, a
  ldi r0, 3
  lds s0, "c"
  ldi r1, 30
  aset r1, r0, s0, a
  ldi r0, 1
  lds s0, "x"
  aget r4, r0, s0, a
  ldi r0, 2
  lds s0, "y"
  aget r5, r0, s0, a
  lds s0, "nope"
  aget r6, r0, s0, a
  lds s0, "y"
  aexists r7, r0, s0, a
  ldi r0, 9
  aexists r8, r0, s0, a
  lds s1, "a[1,x]=%d a[2,y]=%d missing=%d exists=%d %d\n"
  hcall r9, r4, s1, printf/5/1
; foreach ([k, s] in a-) sorted by key 1 descending
  ldi r9, 0
  itinit i0, r9, 6, a
next:
  itnext i0, r0, s0, done
  aget r1, r0, s0, a
  lds s1, "%d %s %d\n"
  movs s2, s0
  movs s0, s1
  movs s1, s2
  hcall r9, r0, s0, printf/2/2
  jmp next
done:
  itend i0
  lds s0, "a"
  ldi r1, 1
  asets s0, r0, s0, names
  lds s0, "b"
  lds s1, "b"
  asets s1, r0, s0, names
  lds s0, "c"
  lds s1, "c"
  asets s1, r0, s0, names
  lds s3, "by value desc limit 2:"
  ldi r2, 2
  itinit i1, r2, 2, names
n2:
  itnext i1, r0, s0, d2
  lds s1, " "
  concat s3, s3, s1
  concat s3, s3, s0
  jmp n2
d2:
  hcall r9, r0, s3, println
  ldi r0, 1
  lds s0, "x"
  adel r0, s0, a
  ldi r0, 0
  ldi r2, 0
  itinit i0, r2, 0, a
n3:
  itnext i0, r1, s0, d3
  addi r0, r0, 1
  jmp n3
d3:
  lds s0, "after delete: %d\n"
  hcall r9, r0, s0, printf/1/1
  retv
.end
.probe begin main

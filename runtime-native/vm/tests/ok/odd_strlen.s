; an odd MAXSTRINGLEN: concatenation truncates to MAXSTRINGLEN-1 bytes; iterators stay aligned
; expect: abcdefghijabcdef|16
; expect: k=b
; expect: k=a
.limits maxstringlen=17
.global a int keys=s
.func main ret=void iregs=3 sregs=3 iters=1
  lds s0, "abcdefghij"
  concat s0, s0, s0
  hcall r0, r0, s0, strlen
  lds s1, "%s|%d\n"
  movs s2, s0
  movs s0, s1
  movs s1, s2
  hcall r1, r0, s0, printf/1/2
  lds s0, "a"
  aset r0, r0, s0, a
  lds s0, "b"
  aset r0, r0, s0, a
  itinit i0, r2, 6, a
n:
  itnext i0, r0, s1, d
  lds s0, "k=%s\n"
  hcall r1, r0, s0, printf/0/2
  jmp n
d:
  retv
.end
.probe begin main

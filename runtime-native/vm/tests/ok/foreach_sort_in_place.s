; a sorted foreach sorts the array itself, as SystemTap's _stp_map_sort/_stp_map_sortn do: a later
; unsorted foreach walks the order the sort left. With limit 2 (stap's partial sort) a = {1:4 2:8
; 3:1 4:9 5:2 6:7} by value descending lists 4 2 and leaves 4 2 1 3 5 6; a full ascending sort
; then lists 3 5 1 6 2 4 and leaves that order; a key added afterwards joins at the end.
; expect: 4,2,
; expect: 4,2,1,3,5,6,
; expect: 3,5,1,6,2,4,
; expect: 3,5,1,6,2,4,0,
.global a int keys=i
.func main ret=void iregs=6 sregs=2 iters=1
  ldi r0, 1
  ldi r1, 4
  aset r1, r0, s0, a
  ldi r0, 2
  ldi r1, 8
  aset r1, r0, s0, a
  ldi r0, 3
  ldi r1, 1
  aset r1, r0, s0, a
  ldi r0, 4
  ldi r1, 9
  aset r1, r0, s0, a
  ldi r0, 5
  ldi r1, 2
  aset r1, r0, s0, a
  ldi r0, 6
  ldi r1, 7
  aset r1, r0, s0, a
  lds s1, "%d,"
  lds s0, "\n"
; foreach (k in a- limit 2)
  ldi r2, 2
  itinit i0, r2, 2, a
l1:
  itnext i0, r0, s0, d1
  hcall r5, r0, s1, printf/1/1
  jmp l1
d1:
  itend i0
  hcall r5, r0, s0, print/0/1
; foreach (k in a)
  ldi r2, 0
  itinit i0, r2, 0, a
l2:
  itnext i0, r0, s0, d2
  hcall r5, r0, s1, printf/1/1
  jmp l2
d2:
  itend i0
  hcall r5, r0, s0, print/0/1
; foreach (k in a+)
  itinit i0, r2, 1, a
l3:
  itnext i0, r0, s0, d3
  hcall r5, r0, s1, printf/1/1
  jmp l3
d3:
  itend i0
  hcall r5, r0, s0, print/0/1
; a[0] = 5; foreach (k in a)
  ldi r0, 0
  ldi r1, 5
  aset r1, r0, s0, a
  itinit i0, r2, 0, a
l4:
  itnext i0, r0, s0, d4
  hcall r5, r0, s1, printf/1/1
  jmp l4
d4:
  itend i0
  hcall r5, r0, s0, print/0/1
  retv
.end
.probe begin main

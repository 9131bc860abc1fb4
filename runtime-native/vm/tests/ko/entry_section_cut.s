; the entry section's count is checked against its length
; expect-reject: entry: count 2 exceeds section length
.func h ret=void iregs=1
  eld r0, 0
  retv
.end
.func e ret=void iregs=1
  ldi r0, 7
  est r0, 0
  retv
.end
.probe kprobe h sym=k return pp=k.return
.entry 0 e 8
.poke32 -16 2

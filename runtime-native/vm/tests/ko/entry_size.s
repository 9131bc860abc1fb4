; the @entry data of a hit is bounded
; expect-reject: entry 0: data size 16385 out of range [1,16384]
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
.entry 0 e 16385

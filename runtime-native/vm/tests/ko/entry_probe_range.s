; an entry record names a probe that does not exist
; expect-reject: entry 0: probe 1 out of range [0,1)
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
.entry 1 e 8

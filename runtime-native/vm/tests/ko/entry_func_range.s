; an entry record's function must exist
; expect-reject: entry 0: entry function 9 out of range [0,2)
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
.entry 0 #9 8

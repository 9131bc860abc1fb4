; an entry program has the shape of a handler
; expect-reject: entry 0: entry function 1 must take no arguments and return nothing
.func h ret=void iregs=1
  eld r0, 0
  retv
.end
.func e ret=void iregs=1 iargs=1
  est r0, 0
  retv
.end
.probe kprobe h sym=k return pp=k.return
.entry 0 e 8

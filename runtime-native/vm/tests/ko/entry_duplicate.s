; a probe has at most one entry program
; expect-reject: entry 1: probe 0 already has an entry program
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
.entry 0 e 8

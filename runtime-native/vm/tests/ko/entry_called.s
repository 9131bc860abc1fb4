; an entry program may not also be called (its caller has no @entry data of its own)
; expect-reject: function 1 insn 1: EST outside an entry program
.func h ret=void iregs=1
  eld r0, 0
  retv
.end
.func e ret=void iregs=1
  ldi r0, 7
  est r0, 0
  retv
.end
.func c ret=void iregs=1
  call r0, r0, s0, e
  retv
.end
.probe kprobe h sym=k return pp=k.return
.probe begin c
.entry 0 e 8

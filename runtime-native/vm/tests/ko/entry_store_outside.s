; EST only in an entry program (here: in a return handler)
; expect-reject: function 0 insn 1: EST outside an entry program
.func h ret=void iregs=1
  eld r0, 0
  est r0, 0
  retv
.end
.func e ret=void iregs=1
  ldi r0, 7
  est r0, 0
  retv
.end
.probe kprobe h sym=k return pp=k.return
.entry 0 e 8

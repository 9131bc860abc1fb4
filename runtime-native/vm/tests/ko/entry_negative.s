; a negative @entry offset is rejected
; expect-reject: function 1 insn 1: EST of bytes [-8,0) outside the @entry data (8 bytes)
.func h ret=void iregs=1
  eld r0, 0
  retv
.end
.func e ret=void iregs=1
  ldi r0, 7
  est r0, -8
  retv
.end
.probe kprobe h sym=k return pp=k.return
.entry 0 e 8

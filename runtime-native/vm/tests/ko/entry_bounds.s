; an @entry slot lies inside the probe's data size (a string slot is MAXSTRINGLEN bytes)
; expect-reject: function 0 insn 0: ELDS of bytes [8,520) outside the @entry data (16 bytes)
.func h ret=void sregs=1
  elds s0, 8
  retv
.end
.func e ret=void iregs=1
  ldi r0, 7
  est r0, 0
  retv
.end
.probe kprobe h sym=k return pp=k.return
.entry 0 e 16

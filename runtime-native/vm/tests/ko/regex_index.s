; REMATCH names a regex the module does not have
; expect-reject: function 0 insn 0: regex 1 out of range [0,1)
.regex classes=1 next=0 flags=1
.func main ret=void iregs=1 sregs=1
  rematch r0, s0, 1
  retv
.end

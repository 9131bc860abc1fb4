; state flags beyond ACCEPT and ACCEPT_AT_END
; expect-reject: regex 0: state 1 has unknown flags 0x4
.regex classes=1 next=0,1 flags=0,4
.func main ret=void iregs=1
  retv
.end

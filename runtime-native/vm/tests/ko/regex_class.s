; a byte mapped to a class beyond classCount
; expect-reject: regex 0: byte 98 has class 3 out of range [0,3)
.regex classes=3 map=97:1,98:3 next=0,1,0,0,1,2,2,2,2 flags=0,0,1
.func main ret=void iregs=1
  retv
.end

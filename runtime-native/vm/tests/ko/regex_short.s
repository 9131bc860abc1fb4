; the transition table runs past the section
; expect-reject: regex 0: 2 states x 3 classes exceed section length
.regex classes=3 next=0,0 flags=0,0
.func main ret=void iregs=1
  retv
.end

; a transition to a state that does not exist
; expect-reject: regex 0: transition 5 goes to state 3 out of range [0,3)
.regex classes=3 map=97:1,98:2 next=0,1,0,0,1,3,2,2,2 flags=0,0,1
.func main ret=void iregs=1
  retv
.end

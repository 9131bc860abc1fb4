; table widths other than 1/2-byte classes and 2/4-byte transitions
; expect-reject: regex 0: bad table widths 3/2
.regex classes=1 cw=3 next=0 flags=0
.func main ret=void iregs=1
  retv
.end

; a capture program for a regex that does not exist
; expect-reject: regex groups: 2 programs for 1 regexes
.regex classes=1 next=0 flags=1
.rxgroups slots=2 code=save/0/1,match
.rxgroups slots=2 code=save/0/1,match
.func main ret=void iregs=1
  retv
.end

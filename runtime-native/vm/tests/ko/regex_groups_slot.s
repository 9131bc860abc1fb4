; a SAVE to a slot the program does not have
; expect-reject: regex groups 0 insn 0: slot 2 out of range [0,2)
.regex classes=1 next=0 flags=1
.rxgroups slots=2 code=save/2/1,match
.func main ret=void iregs=1
  retv
.end

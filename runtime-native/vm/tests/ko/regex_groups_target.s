; a capture program jumping past its last instruction
; expect-reject: regex groups 0 insn 1: target out of range [0,3)
.regex classes=1 next=0 flags=1
.rxgroups slots=2 code=save/0/1,fork/2/7,match
.func main ret=void iregs=1
  retv
.end

; ELD needs the handler of a probe with an entry program (here: begin has none)
; expect-reject: function 0 insn 0: ELD outside the handler of a probe with an entry program
.func h ret=void iregs=1
  eld r0, 0
  retv
.end
.probe begin h

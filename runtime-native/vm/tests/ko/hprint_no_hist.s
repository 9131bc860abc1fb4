; printing a histogram of a statistic declared without @hist_linear/@hist_log
; expect-reject: function 0 insn 0: global 0 has no histogram
.global st stat
.func main ret=void iregs=1
  hprint st
  retv
.end

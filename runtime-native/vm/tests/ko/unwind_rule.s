; a row's CFA rule is one unwind.h names
; expect-reject: unwind section: file 1 row 0: unknown rule
.func main ret=void
  retv
.end
.unwind "/bin/x" 0x1000:1:8:0
.unwind "/lib/y.so" 0x2000:4:8:0

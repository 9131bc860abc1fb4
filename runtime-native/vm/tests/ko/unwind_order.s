; the unwind rows of a file are in file-offset order, each offset above the last
; expect-reject: unwind section: file 0 row 2: offsets out of order
.func main ret=void
  retv
.end
.unwind "/bin/x" 0x1000:1:8:0 0x1004:1:16:-16 0x1004:0:0:0

; process paths are absolute (the compiler canonicalises them)
; expect-reject: probe 0: path 'bin/true' is not absolute
.func main ret=void
  retv
.end
.probe process_function main path=bin/true sym=f

; a stapusr module may not carry a kernel probe kind (probes.def's PR_STAPUSR)
; expect-reject: probe 0: a KPROBE probe is not allowed in a stapusr module
.limits flags=8
.func main ret=void
  retv
.end
.probe kprobe main sym=vfs_read

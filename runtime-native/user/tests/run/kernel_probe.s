; a kernel probe point cannot run on the userspace runtime
.func h ret=void
  retv
.end
.probe kprobe h sym=vfs_read pp="kernel.function(\"vfs_read\")"

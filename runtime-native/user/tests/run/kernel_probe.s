; a kernel probe point cannot run on the userspace runtime
.func h ret=void
  retv
.end
.probe "kernel.function(\"vfs_read\")" h

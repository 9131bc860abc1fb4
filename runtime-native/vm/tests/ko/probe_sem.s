; a semaphore belongs to an SDT mark (probes.def PF_SEM) only
; expect-reject: probe 0: a PROCESS_STATEMENT probe has no semaphore
.func main ret=void
  retv
.end
.probe process_statement main pp="process(\"/bin/true\").statement(0x1000)" path=/bin/true addr=0x1000 sem=0x2000

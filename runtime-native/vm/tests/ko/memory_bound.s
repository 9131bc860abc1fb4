; frames for MAXNESTING calls of the largest function must fit the session memory bound
; expect-reject: limits: a session would need 270536704 bytes, more than 268435456
.limits maxstringlen=4096 maxnesting=256
.func main ret=void sregs=255
  retv
.end

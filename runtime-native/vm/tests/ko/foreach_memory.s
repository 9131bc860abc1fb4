; the foreach storage counts against the session memory bound: a recursive foreach over an array of
; MAXMAPENTRIES takes 257 frames x 2^20 entries x 12 bytes = 3234201600; the frames and
; the array (92274688) alone would fit
; expect-reject: limits: a session would need 3328192528 bytes, more than 268435456
.limits maxnesting=256 maxmapentries=1048576 maxaction=100000
.global a int keys=i
.func f ret=void iregs=2 iters=1
  itinit i0, r0, 0, a
again:
  itnext i0, r1, s0, done
  call r1, r0, s0, f
  jmp again
done:
  retv
.end
.probe begin f

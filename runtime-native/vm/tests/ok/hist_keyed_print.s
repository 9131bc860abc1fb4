; print(@hist_log(h[k])) with negative values; an absent entry is an error, as SystemTap's translator raises
; expect: value |-------------------------------------------------- count
; expect:  -256 |                                                   0
; expect:  -128 |                                                   0
; expect:   -64 |@                                                  1
; expect:   -32 |                                                   0
; expect:   -16 |                                                   0
; expect:    -8 |                                                   0
; expect:    -4 |                                                   0
; expect:    -2 |@                                                  1
; expect:    -1 |                                                   0
; expect:     0 |@                                                  1
; expect:     1 |                                                   0
; expect:     2 |                                                   0
; expect:     4 |@                                                  1
; expect:     8 |                                                   0
; expect:    16 |                                                   0
; expect:
; expect: value |-------------------------------------------------- count
; expect:     0 |@                                                  1
; expect:     1 |                                                   0
; expect:     2 |                                                   0
; expect:
; expect-error: ERROR: aggregate element not found near operator @hist_log at t.stp:4:9
.global h stat keys=s log
.global e stat linear=0:10:1
.func main ret=void iregs=4 sregs=2
  lds s0, "read"
  ldi r0, 0
  aadd r0, r0, s0, h
  ldi r0, -3
  aadd r0, r0, s0, h
  ldi r0, -100
  aadd r0, r0, s0, h
  ldi r0, 5
  aadd r0, r0, s0, h
  ahprint r0, s0, h
  ldi r1, 0
  sadd r1, e
  hprint e
  lds s0, "write"
.loc "operator @hist_log at t.stp:4:9"
  ahprint r0, s0, h
  retv
.end
.probe begin main

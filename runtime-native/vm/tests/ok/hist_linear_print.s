; print(@hist_linear(h,0,100,10)): '<'/'>' under/overflow rows, '~' for an elided run of empty rows; 105 lands in the 100 row as in SystemTap
; expect: value |-------------------------------------------------- count
; expect:    <0 |@                                                  1
; expect:     0 |@@                                                 2
; expect:    10 |@                                                  1
; expect:    20 |                                                   0
; expect:    30 |                                                   0
; expect:       ~
; expect:    70 |                                                   0
; expect:    80 |                                                   0
; expect:    90 |@                                                  1
; expect:   100 |@                                                  1
; expect:  >100 |@                                                  1
; expect:
.global h stat linear=0:100:10
.func main ret=void iregs=4 sregs=1
  ldi r0, -5
  sadd r0, h
  ldi r0, 3
  sadd r0, h
  sadd r0, h
  ldi r0, 15
  sadd r0, h
  ldi r0, 99
  sadd r0, h
  ldi r0, 105
  sadd r0, h
  ldi r0, 500
  sadd r0, h
  hprint h
  retv
.end
.probe begin main

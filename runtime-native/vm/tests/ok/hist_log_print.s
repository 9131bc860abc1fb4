; print(@hist_log(h)): SystemTap's rows, 50-'@' scaling (201 -> 40 '@'), two zero rows each side
; expect: value |-------------------------------------------------- count
; expect:     0 |                                                     0
; expect:     1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@           201
; expect:     2 |                                                     2
; expect:     4 |                                                     4
; expect:     8 |@                                                    8
; expect:    16 |@@@                                                 16
; expect:    32 |@@@@@@                                              32
; expect:    64 |@@@@@@@@@@@@                                        64
; expect:   128 |@@@@@@@@@@@@@@                                      73
; expect:   256 |                                                     0
; expect:   512 |                                                     1
; expect:  1024 |                                                     0
; expect:  2048 |                                                     0
; expect:
.global h stat log
.func main ret=void iregs=4 sregs=1
  ldi r0, 0
  ldi r1, 0
loop:
  addi r1, r1, 1
  sadd r1, h
  ldi r2, 1
  sadd r2, h
  ldi r2, 200
  lt r3, r1, r2
  jnz r3, loop
  ldi r2, 1000
  sadd r2, h
  hprint h
  retv
.end
.probe begin main

; a full array is an error naming its declared size unless declared with %, which evicts the oldest entry
; expect: wrapped count=3 oldest gone=0 newest=5
; expect-error: ERROR: Array overflow, check size limit (2) near identifier 'full' at t.stp:9:5
.global ring int keys=i size=3 wrap
.global full int keys=i size=2
.func main ret=void iregs=8 sregs=1 iters=1
  ldi r0, 0
top:
  aset r0, r0, s0, ring
  addi r0, r0, 1
  ldi r1, 6
  lt r1, r0, r1
  jnz r1, top
  ldi r2, 0
  ldi r3, 0
  itinit i0, r3, 0, ring
n:
  itnext i0, r4, s0, d
  addi r2, r2, 1
  jmp n
d:
  ldi r4, 2
  aexists r3, r4, s0, ring
  ldi r4, 5
  aget r4, r4, s0, ring
  lds s0, "wrapped count=%d oldest gone=%d newest=%d\n"
  hcall r0, r2, s0, printf/3/1
  ldi r0, 0
  aset r0, r0, s0, full
  ldi r0, 1
  aset r0, r0, s0, full
  ldi r0, 2
.loc "identifier 'full' at t.stp:9:5"
  aset r0, r0, s0, full
  retv
.end
.probe begin main

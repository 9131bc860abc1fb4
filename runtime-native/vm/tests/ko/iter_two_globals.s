; an iterator slot's storage is sized for one array (verify_iters.c): its ITINITs must all name that array
; expect-reject: function 0 insn 1: iterator 0 bound to global 0 and 1
.global a int keys=i size=2
.global b int keys=i size=100
.func main ret=void iregs=1 iters=1
  itinit i0, r0, 0, a
  itinit i0, r0, 0, b
  itend i0
  retv
.end

; =~ through DFA tables: regex 0 is /ab/ (ACCEPT is absorbing, so a match stops the walk early),
; regex 1 is /x$/ with 16-bit classes and 32-bit transitions (ACCEPT_AT_END only counts at the end)
; expect: ab: xxabyy=1 aab=1 ba=0 empty=0
; expect: x$: max=1 xa=0 x=1 empty=0
.regex classes=3 map=97:1,98:2 next=0,1,0,0,1,2,2,2,2 flags=0,0,1
.regex classes=2 cw=2 nw=4 map=120:1 next=0,1,0,1 flags=0,2
.func main ret=void iregs=8 sregs=2
  lds s0, "xxabyy"
  rematch r0, s0, 0
  lds s0, "aab"
  rematch r1, s0, 0
  lds s0, "ba"
  rematch r2, s0, 0
  lds s0, ""
  rematch r3, s0, 0
  lds s1, "ab: xxabyy=%d aab=%d ba=%d empty=%d\n"
  hcall r0, r0, s1, printf/4/1
  lds s0, "max"
  rematch r0, s0, 1
  lds s0, "xa"
  rematch r1, s0, 1
  lds s0, "x"
  rematch r2, s0, 1
  lds s0, ""
  rematch r3, s0, 1
  lds s1, "x$: max=%d xa=%d x=%d empty=%d\n"
  hcall r0, r0, s1, printf/4/1
  retv
.end
.probe begin main

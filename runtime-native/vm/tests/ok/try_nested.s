; an error raised inside a catch handler goes to the enclosing TRY; ENDTRY pops only the innermost
; expect: inner one
; expect: outer two
.func main ret=void iregs=1 sregs=3
  try s1, outer
  try s0, inner
  lds s2, "one"
  throw s2
inner:
  lds s2, "inner "
  concat s2, s2, s0
  hcall r0, r0, s2, println
  lds s2, "two"
  throw s2
outer:
  lds s2, "outer "
  concat s2, s2, s1
  hcall r0, r0, s2, println
  retv
.end
.probe begin main

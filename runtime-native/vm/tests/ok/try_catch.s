; TRY catches a runtime error raised in a called function: the frames above unwind, the message
; (without "ERROR: " and location) lands in the catch register, and the handler goes on
; expect: caught: division by 0
; expect: after
.func f ret=int iregs=2
  ldi r0, 1
.loc "operator '/' at t.stp:1:1"
  div r0, r0, r1
  ret r0
.end
.func main ret=void iregs=2 sregs=3
  try s1, handler
  call r0, r0, s0, f
  endtry
  jmp done
handler:
  lds s0, "caught: "
  concat s0, s0, s1
  hcall r0, r0, s0, println
done:
  lds s2, "after"
  hcall r0, r0, s2, println
  retv
.end
.probe begin main

; NEXTF returns 0 (or "") and flags the caller, whose JNEXT then tries the next overload
; expect: 7
; expect: -1
.func first ret=int iregs=1 iargs=1
  jnz r0, take
  nextf
take:
  ldi r0, 7
  ret r0
.end
.func second ret=int iregs=1 iargs=1
  ldi r0, -1
  ret r0
.end
.func main ret=void iregs=2 sregs=1
  ldi r0, 1
  call r1, r0, s0, first
  jnext other
  jmp done
other:
  call r1, r0, s0, second
done:
  i2s s0, r1
  hcall r1, r0, s0, println
  ldi r0, 0
  call r1, r0, s0, first
  jnext other2
  jmp done2
other2:
  call r1, r0, s0, second
done2:
  i2s s0, r1
  hcall r1, r0, s0, println
  retv
.end
.probe "begin" main

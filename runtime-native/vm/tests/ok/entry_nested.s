; @entry data: each call's entry program fills its own area; the return handlers of two nested
; calls (stapvm-exec runs entry, entry, return, return) read back an int and a string each
; expect: call 2 tag=two-xxxxxxxxxxx
; expect: call 1 tag=one-x
.global n int
.limits maxstringlen=16
.func entry ret=void iregs=2 sregs=2
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  est r0, 0
  ldi r1, 1
  eq r1, r0, r1
  jnz r1, one
  lds s0, "two-xxxxxxxxxxxxxxxxxxxxx"
  jmp store
one:
  lds s0, "one-x"
store:
  ests s0, 8
  retv
.end
.func ret ret=void iregs=2 sregs=2
  eld r0, 0
  elds s1, 8
  lds s0, "call %d tag=%s\n"
  hcall r1, r0, s0, printf/1/2
  retv
.end
.probe process_function ret path=/bin/true sym=f return pp="process(\"/bin/true\").function(\"f\").return"
.entry 0 entry 24

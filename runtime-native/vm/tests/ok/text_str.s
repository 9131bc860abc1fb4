; text_str/text_strn as SystemTap's _stp_text_str: short escapes, octal for other control bytes, \u/\U for valid UTF-8,
; quoted output cut with "..." never splitting an escape
; expect: [a\tb\n\"q\"\\ \u00E9\U0001F600\001]
; expect: [abcde] ["a"...] ["ab"] ["a"...] [x]
.func main ret=void iregs=4 sregs=4
  lds s1, "a\tb\n\"q\"\\ é😀"
  hcalls s1, r0, s1, text_str
  lds s0, "[%s]\n"
  hcall r0, r0, s0, printf/0/2
  lds s0, "[%s] "
  lds s2, "abcdefgh"
  ldi r0, 5
  ldi r1, 0
  hcalls s1, r0, s2, text_strn
  hcall r0, r0, s0, printf/0/2
  ldi r0, 6
  ldi r1, 1
  hcalls s1, r0, s2, text_strn
  hcall r0, r0, s0, printf/0/2
  lds s2, "ab"
  hcalls s1, r0, s2, text_strn
  hcall r0, r0, s0, printf/0/2
  lds s2, "a\nbcdef"
  ldi r0, 7
  hcalls s1, r0, s2, text_strn
  hcall r0, r0, s0, printf/0/2
  lds s2, "x"
  ldi r0, -3
  ldi r1, 0
  hcalls s1, r0, s2, text_strn
  lds s0, "[%s]\n"
  hcall r0, r0, s0, printf/0/2
  retv
.end
.probe begin main

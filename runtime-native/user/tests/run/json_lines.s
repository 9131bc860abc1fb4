; begin prints two lines in one print, with a quote, a backslash, a tab, a control byte (a raw 0x01
; in the string below) and UTF-8, then text with no newline at the end
.func hello ret=void iregs=1 sregs=1
  lds s0, "a\nb \"q\" \\ \t é\n"
  hcall r0, r0, s0, print
  lds s0, "tail"
  hcall r0, r0, s0, print
  exit
  retv
.end
.probe begin hello

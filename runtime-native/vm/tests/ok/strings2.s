; str_replace, isdigit and SystemTap's stateful tokenize ("" continues the last input, empty tokens skipped)
; expect: [x b x] [aaa] [xyz] [] [b] [babbab]
; expect: isdigit 1 0 0
; expect: tok [a] [b] [c] [] [] [d] [e f] []
.func main ret=void iregs=4 sregs=8
  lds s1, "a b a"
  lds s2, "a"
  lds s3, "x"
  hcalls s6, r0, s1, str_replace
  lds s5, "[%s] "
  hcall r0, r0, s5, printf/0/2
  lds s1, "aaa"
  lds s2, ""
  hcalls s6, r0, s1, str_replace
  hcall r0, r0, s5, printf/0/2
  lds s1, "xyz"
  lds s2, "xyzw"
  hcalls s6, r0, s1, str_replace
  hcall r0, r0, s5, printf/0/2
  lds s1, "abab"
  lds s2, "ab"
  lds s3, ""
  hcalls s6, r0, s1, str_replace
  hcall r0, r0, s5, printf/0/2
  lds s1, "abab"
  lds s2, "aba"
  hcalls s6, r0, s1, str_replace
  hcall r0, r0, s5, printf/0/2
  lds s1, "abab"
  lds s2, "a"
  lds s3, "ba"
  hcalls s6, r0, s1, str_replace
  lds s5, "[%s]\n"
  hcall r0, r0, s5, printf/0/2
  lds s1, "7up"
  hcall r1, r0, s1, isdigit
  lds s1, "up7"
  hcall r2, r0, s1, isdigit
  lds s1, ""
  hcall r3, r0, s1, isdigit
  lds s0, "isdigit %d %d %d\n"
  hcall r0, r1, s0, printf/3/1
  lds s0, "tok"
  hcall r0, r0, s0, print
  lds s5, " [%s]"
  lds s2, ","
  lds s1, ",,a,b,,c"
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  lds s1, ""
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  lds s1, "d:e f;"
  lds s2, ":;"
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  lds s1, ""
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  hcalls s6, r0, s1, tokenize
  hcall r0, r0, s5, printf/0/2
  lds s0, "\n"
  hcall r0, r0, s0, print
  retv
.end
.probe begin main

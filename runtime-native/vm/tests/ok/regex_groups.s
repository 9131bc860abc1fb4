; =~ capture groups: regex 0's DFA accepts every subject, its capture program is x(a*)(b)? (slots 0-1
; the whole match, 2-3 and 4-5 the groups); the leftmost match is taken, then the longest, a group that
; took no part is "", and a subject the program does not match leaves no groups (a failed match)
; expect: 3 [xaab] [aa] [b]
; expect: [x] [] []
; expect-error: ERROR: Attempted to get subexpression count from failed match near identifier 'ngroups' at t.stp:1:1
.regex classes=1 next=0 flags=1
.rxgroups slots=6 sets=120,97,98 code=save/0/1,byte/0/2,save/2/3,fork/4/5,byte/1/3,save/3/6,fork/7/10,save/4/8,byte/2/9,save/5/10,save/1/11,match
.func main ret=void iregs=4 sregs=4
  lds s0, "zxaab!xab"
  rematch r0, s0, 0
  hcall r0, r0, s0, ngroups
  ldi r1, 0
  hcalls s1, r1, s0, matched/1/0
  ldi r1, 1
  hcalls s2, r1, s0, matched/1/0
  ldi r1, 2
  hcalls s3, r1, s0, matched/1/0
  lds s0, "%d [%s] [%s] [%s]\n"
  hcall r0, r0, s0, printf/1/4
  lds s0, "yxq"
  rematch r0, s0, 0
  ldi r1, 0
  hcalls s1, r1, s0, matched/1/0
  ldi r1, 1
  hcalls s2, r1, s0, matched/1/0
  ldi r1, 2
  hcalls s3, r1, s0, matched/1/0
  lds s0, "[%s] [%s] [%s]\n"
  hcall r0, r0, s0, printf/0/4
  lds s0, "none"
  rematch r0, s0, 0
.loc "identifier 'ngroups' at t.stp:1:1"
  hcall r0, r0, s0, ngroups
  retv
.end
.probe "begin" main

# oneliners.sh: the one-liner suite's table, sourced by run.sh (host: compiles each as out/ol_NAME.stpb
# with -p4) and guest.sh (runs each on stapvm.ko through stapvm-run, in its output mode, within its bound).
# One-liners SystemTap users type (Beginners Guide, stap wiki, bpftrace's one-liner tutorial in stap form)
# on what stapvm.ko runs today. Each line:
#   one NAME BOUND MODE 'RUN OPTIONS' 'COMPILE FLAGS' 'SCRIPT' 'EXPECTED (an ERE for the whole output)'
# In COMPILE FLAGS, @KVER@ is the guest's kernel release (-r @KVER@: its BTF for $vars and the tapsets' @cast).
# MODE: file (stdout and stderr to a file), pipe (| cat), head3 (| head -3), tty (under script(1), a pty),
# o (-o FILE; the file's text, then what the terminal got), int (SIGINT after 2 s).
# In RUN OPTIONS, $GP, $WR, $CALLS and $NET are the test programs (progs/) and $XPID a process to attach to:
# `getpid_n -s 8000 5`, started by the guest before the run.
# shellcheck disable=SC2016   # the scripts are stap, not shell
one hello 20 file '' '' 'probe begin { println("hello world") exit() }' 'hello world'
one printf-formats 20 file '' '' 'probe begin { printf("%5d|%-5s|%x|%c\n", 42, "ab", 255, 65) exit() }' '   42\|ab   \|ff\|A'
one warn-stderr 20 file '' '' 'probe begin { warn("careful") exit() }' 'WARNING: careful'
# system(): stapvm-run starts the command once the records of its handler are written (stap's order)
one system-after-handler 20 file '' '' 'probe begin { printf("b1\n"); system("echo from-system"); printf("b2\n") } probe timer.ms(1000) { printf("timer\n"); exit() }' 'b1
b2
from-system
timer'
one begin-exit-end 20 file '' '' 'probe begin { exit() } probe end { println("end ran") }' 'end ran'
one time-sane 20 file '' '' 'probe begin { printf("%d\n", gettimeofday_s() > 1600000000) exit() }' '1'
# the hang of issue 17: a probe on a function the loader itself calls (its read of /dev/stapvm), exit() in it
one vfs_read-exit-file 20 file '' '' 'probe kernel.function("vfs_read") { printf("%s\n", execname()); exit() }' '[^[:space:]]+'
one vfs_read-exit-pipe 20 pipe '' '' 'probe kernel.function("vfs_read") { printf("%s\n", execname()); exit() }' '[^[:space:]]+'
one vfs_read-exit-tty 20 tty '' '' 'probe kernel.function("vfs_read") { printf("%s\n", execname()); exit() }' '[^[:space:]]+'
one vfs_read-target 20 file '-c "cat /dev/null"' '' 'global n probe kernel.function("vfs_read") { if (pid() == target()) n++ } probe end { printf("reads=%d\n", n > 0) }' 'reads=1'
one ksys_write-timer-pipe 20 pipe '' '' 'global n probe kernel.function("ksys_write") { n++ } probe timer.s(2) { printf("%d\n", n); exit() }' '[0-9]+'
one ksys_write-target 20 file '-c "$WR 100"' '' 'global n probe kernel.function("ksys_write") { if (pid() == target()) n++ } probe end { printf("%d\n", n) }' '100'
one vfs_write-timer-tty 20 tty '' '' 'global n probe kernel.function("vfs_write") { n++ } probe timer.ms(300) { printf("ok %d\n", n >= 0); exit() }' 'ok 1'
one ksys_write-return 20 file '-c "$WR 3"' '' 'probe kernel.function("ksys_write").return { if (pid() == target()) printf("%d\n", returnval()) }' '1
2
3'
one write-sizes-stats 20 file '-c "$WR 10"' '' 'global s probe kernel.function("ksys_write").return { if (pid() == target()) s <<< returnval() } probe end { printf("count=%d sum=%d min=%d max=%d avg=%d\n", @count(s), @sum(s), @min(s), @max(s), @avg(s)) }' 'count=10 sum=55 min=1 max=10 avg=5'
# -t: stap's probe hit report after the end probe's output, the kprobe's hits counted on every CPU
one timing-report 20 file '-c "$GP 100"' '-t' 'global n probe kernel.function("__x64_sys_getpid") { if (pid() == target()) n++ } probe end { printf("n=%d\n", n) }' 'n=100
----- probe hit report: 
kernel.function\("__x64_sys_getpid"\), \(<input>:1:10\), hits: [0-9]+, cycles: [0-9]+min/[0-9]+avg/[0-9]+max, variance: [0-9]+, from: kernel.function\("__x64_sys_getpid"\), index: 0
end, \(<input>:1:83\), hits: 1, cycles: [0-9]+min/[0-9]+avg/[0-9]+max, variance: 0, from: end, index: 1
----- refresh report:'
one getpid-count 20 file '-c "$GP 500"' '' 'global n probe kernel.function("__x64_sys_getpid") { if (pid() == target()) n++ } probe end { printf("n=%d\n", n) }' 'n=500'
one getpid-execname-exit 20 file '-c "$GP -s 200 10"' '' 'probe kernel.function("__x64_sys_getpid") { if (execname() == "getpid_n") { printf("%s %d\n", execname(), pid() == target()); exit() } }' 'getpid_n 1'
one getpid-pp 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { println(pp()); exit() } }' 'kernel.function\("__x64_sys_getpid"\)'
one kprobe-pp 20 file '-c "$GP 1"' '' 'probe kprobe.function("__x64_sys_getpid") { if (pid() == target()) { println(pp()); exit() } }' 'kprobe.function\("__x64_sys_getpid"\)'
one kprobe-return 20 file '-c "$GP 1"' '' 'probe kprobe.function("__x64_sys_getpid").return { if (pid() == target()) { printf("ret=%d\n", returnval() == pid()); exit() } }' 'ret=1'
one probefunc 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { printf("%s %s\n", probefunc(), ppfunc()); exit() } }' '__x64_sys_getpid __x64_sys_getpid'
one tid-is-pid 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { printf("%d\n", tid() == pid()); exit() } }' '1'
one uid-root 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { printf("uid=%d euid=%d\n", uid(), euid()); exit() } }' 'uid=0 euid=0'
one top-execname 20 file '-c "$GP 1000"' '' 'global c probe kernel.function("__x64_sys_getpid") { c[execname()]++ } probe end { foreach (e in c- limit 1) printf("%s %d\n", e, c[e]) }' 'getpid_n 1000'
one print-backtrace 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { print_backtrace(); exit() } }' ' 0x[0-9a-f]{16} : __x64_sys_getpid\+0x0/0x[0-9a-f]+ \[kernel\](
 0x[0-9a-f]{16}( : [^ ]+ \[[^]]+\])?)+'
one schedule-exit 20 file '' '' 'probe kernel.function("schedule") { printf("%s\n", probefunc()); exit() }' 'schedule'
one schedule-count 20 file '-T 1' '' 'global n probe kernel.function("schedule") { n++ } probe end { printf("%s\n", n > 0 ? "scheduled" : "none") }' 'scheduled'
one kmalloc-exit 20 file '-c "cat /etc/hostname"' '' 'probe kprobe.function("__kmalloc") { printf("%s\n", probefunc()); exit() }' '(.*
)?__kmalloc(
.*)?'
one kmem_cache_alloc-count 20 file '-c "cat /dev/null"' '' 'global n probe kprobe.function("kmem_cache_alloc") { n++ } probe end { printf("%s\n", n > 0 ? "allocs" : "none") }' 'allocs'
one tcp_sendmsg-T 20 file '-T 1' '' 'global n probe kernel.function("tcp_sendmsg") { n++ } probe end { printf("tcp_sendmsg calls: %d\n", n) }' 'tcp_sendmsg calls: [0-9]+'
one timer-s-exit 20 file '' '' 'probe timer.s(1) { println("tick") exit() }' 'tick'
one timer-ms-rate 20 file '-T 1' '' 'global n probe timer.ms(100) { n++ } probe end { printf("%d\n", n >= 5 && n <= 11) }' '1'
one timer-us-exit 20 file '' '' 'probe timer.us(100000) { println("us") exit() }' 'us'
one timer-profile 20 file '' '' 'global n probe timer.profile { n++ } probe timer.s(1) { printf("%d\n", n > 0); exit() }' '1'
one timer-profile-cpus 20 tty '' '' 'global c probe timer.profile { c[cpu()]++ } probe timer.s(1) { printf("%d\n", 0 in c); exit() }' '1'
one timer-head3 20 head3 '' '' 'probe timer.ms(10) { println("line") }' 'line
line
line'
one vfs_read-head3 20 head3 '' '' 'probe kernel.function("vfs_read") { println(execname()) }' '[^[:space:]]+
[^[:space:]]+
[^[:space:]]+'
one output-o 20 o '' '' 'probe begin { println("to the file") exit() }' 'to the file
--'
one sigint-end 20 int '' '' 'probe begin { println("started") } probe end { println("interrupted") }' 'started
interrupted'
one sigint-hot 20 int '' '' 'global n probe kernel.function("vfs_read") { n++ } probe end { println("end after SIGINT") }' 'end after SIGINT
n=[0-9]+'
one timeout-T 20 file '-T 1' '' 'probe begin { println("begin") } probe end { println("end") }' 'begin
end'
one target-c-ends 20 file '-c "sleep 0.5"' '' 'probe end { println("command done") }' 'command done'
one target-x 20 file '-x $XPID' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { println("attached"); exit() } }' 'attached'
one target-x-exits 20 file '-x $XPID' '' 'probe end { println("target gone") }' 'target gone'
one maxaction-error 20 file '-c "$GP 1"' '' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) while (1) {} }' 'ERROR: MAXACTION exceeded( near [^
]*)?
WARNING: Number of errors: 1, skipped probes: 0'
# stap's overload governor: a handler that keeps its CPU busy more than half the time ends the session
# with stap's error; error probes run, end probes do not (STAP_SESSION_ERROR)
one overload 60 file '-c "$GP -t 20"' '-D MAXACTION=1000000' 'probe kernel.function("__x64_sys_getpid") { for (i = 0; i < 200000; i++) {} } probe error { println("error probe") } probe end { println("end probe") }' '(.*
)?ERROR: probe overhead \([0-9]+ cycles\) exceeded threshold \(500000000 cycles\) in last 1000000000 cycles
(.*
)?error probe(
.*)?
WARNING: Number of errors: 1, skipped probes: 0(
.*)?'
# the module's own window: -D STP_OVERLOAD_THRESHOLD/INTERVAL reach stapvm.ko (the first hit closes the window, as stap's)
one overload-threshold 30 file '-c "$GP 5"' '-D STP_OVERLOAD_THRESHOLD=1000 -D STP_OVERLOAD_INTERVAL=100000' 'probe kernel.function("__x64_sys_getpid") { if (pid() == target()) for (i = 0; i < 1000; i++) {} }' 'ERROR: probe overhead \([0-9]+ cycles\) exceeded threshold \(1000 cycles\) in last 100000 cycles
WARNING: Number of errors: 1, skipped probes: 0'
# the same hog with the governor off: every hit runs and the session ends normally
one overload-off 60 file '-c "$GP 20"' '-D MAXACTION=1000000 -D STP_NO_OVERLOAD' 'global n probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { n++; for (i = 0; i < 200000; i++) {} } } probe end { printf("n=%d\n", n) }' 'n=20'
one overload-suppress-time-limits 60 file '-c "$GP 20"' '-g --suppress-time-limits' 'global n probe kernel.function("__x64_sys_getpid") { if (pid() == target()) { n++; for (i = 0; i < 200000; i++) {} } } probe end { printf("n=%d\n", n) }' 'n=20'
# the tapset library on stapvm.ko (tapsets/): task_* over BTF @cast, kernel symbols, the vfs/kprocess/scheduler families
one task-functions 30 file '-c "$WR 1"' '-r @KVER@' 'probe kernel.function("ksys_write") { if (pid() == target()) { t = task_current(); printf("%s %d %d %d %d|%s|%d %d %d %d\n", task_execname(t), task_pid(t) == pid(), task_tid(t) == tid(), task_uid(t), task_nice(t), pexecname(), pid2task(pid()) == t, task_pid(task_parent(t)) == ppid(), pgrp() > 0, task_cpu(t) == cpu()); println(pid2execname(pid())); exit() } }' 'writes_n 1 1 0 0\|stapio\|1 1 1 1
writes_n'
# task_rlimit*: the soft limits of the target, set by its shell (-c runs under /bin/sh -c); RLIMIT_RTTIME is unlimited (-1)
# pstrace (tapsets/pstrace.stp): the target, then its parent (the loader, stapio) and on up to init's child; "" for init itself
one pstrace-chain 30 file '-c "$WR 1"' '-r @KVER@' 'probe kernel.function("ksys_write") { if (pid() == target()) { s = pstrace(task_current()); printf("[%s]|%d|%d %d\n", pstrace(pid2task(1)), isinstr(s, sprintf(" writes_n(%d) stapio(%d)", pid(), ppid())) && substr(s, 0, 1) == " ", isinstr(s, "(1)"), isinstr(s, "swapper")); exit() } }' '\[\]\|1\|0 0'
one task-rlimit 30 file '-c "ulimit -n 77; exec $WR 1"' '-r @KVER@' 'probe kernel.function("ksys_write") { if (pid() == target()) { t = task_current(); printf("%d %d %d %d\n", task_rlimit_nofile(t), task_rlimit(t, "RLIMIT_NOFILE"), task_rlimit(t, "RLIMIT_BOGUS"), task_rlimit_rttime(t)); exit() } }' '77 77 -1 -1'
# issue 13: @cast of task_current() agrees with tid() and pid() (its ->pid, ->tgid) on every hit of a hot tracepoint for 10 s
one cast-task-hot 40 file '' '-r @KVER@' 'global hits, bad probe kernel.trace("sched:sched_switch") { hits++; if (@cast(task_current(), "task_struct")->pid != tid() || @cast(task_current(), "task_struct")->tgid != pid()) bad++ } probe timer.s(10) { printf("hits=%d bad=%d\n", hits > 100, bad); exit() }' 'hits=1 bad=0'
one kernel-symbols 30 file '-c "$WR 1"' '-r @KVER@' 'probe kernel.function("ksys_write") { if (pid() == target()) { a = addr(); printf("%s|%s|%s|%s|%d\n", symname(a), symdata(a), modname(a), probemod(), a == stack(0)); print(sprint_backtrace()); exit() } }' 'ksys_write\|ksys_write\+0x0/0x[0-9a-f]+ \[kernel\]\|kernel\|kernel\|1
ksys_write\+0x0 \[kernel\](
[A-Za-z_0-9.]+\+0x[0-9a-f]+ \[kernel\])+'
one vfs-write 30 file '-c "$WR 2"' '-r @KVER@' 'probe vfs.write { if (pid() == target()) printf("%s %s %s %d\n", name, pathname, devname, bytes_to_write) } probe vfs.write.return { if (pid() == target()) printf("%s %s %d %d\n", name, retstr, bytes_written, error) }' 'vfs.write /dev/null N/A 1
vfs.write 1 1 0
vfs.write /dev/null N/A 2
vfs.write 2 2 0'
one kprocess-exec 30 file '-c "/bin/true"' '--runtime=kernel -r @KVER@' 'probe kprocess.exec { if (pid() == target()) printf("exec %s\n", filename) } probe kprocess.exec_complete { if (pid() == target()) printf("%d %d\n", errno, success) } probe kprocess.exit { if (pid() == target()) printf("exit %d\n", code) }' 'exec "/bin/true"
0 1
exit 0'
one scheduler-counts 30 file '-c "$GP 100"' '-r @KVER@' 'global n, w probe scheduler.ctxswitch { if (prev_pid == target() || next_pid == target()) n++ } probe scheduler.process_exit { if (pid == target()) w++ } probe end { printf("%d %d\n", n > 0, w) }' '1 1'
# the networking families on net_n's known traffic over lo: 2 UDP datagrams (1 and 2 bytes) to 127.0.0.1:7001,
# then one TCP connection to 127.0.0.1:7002 carrying 5 bytes (its SYN seen by tcp.receive, in whichever context)
one udp-family 30 file '-c "$NET 2"' '-r @KVER@' 'probe udp.sendmsg { if (pid() == target()) printf("%s %s:%d %d\n", name, daddr, dport, size) } probe udp.recvmsg.return { if (pid() == target()) printf("%s %s:%d %d %d\n", name, saddr, sport, size, family) }' 'udp.sendmsg 127.0.0.1:7001 1
udp.recvmsg 127.0.0.1:7001 1 2
udp.sendmsg 127.0.0.1:7001 2
udp.recvmsg 127.0.0.1:7001 2 2'
one tcp-netdev 30 file '-c "$NET 0"' '-r @KVER@' 'global x probe tcp.receive { if (dport == 7002 && syn && !ack) printf("syn %s %s %d %d %s\n", saddr, daddr, dport, protocol, name) } probe tcp.recvmsg { if (pid() == target()) printf("%s %s:%d %d\n", name, saddr, sport, size) } probe netdev.transmit { if (pid() == target() && dev_name == "lo" && protocol == 8) x++ } probe end { printf("lo %d\n", x > 0) }' 'syn 127.0.0.1 127.0.0.1 7002 6 tcp.ipv4.receive
tcp.recvmsg 127.0.0.1:7002 5
lo 1'
# irq_handler.* and softirq.* while the target reads files over 9p (virtio interrupts)
one irq-softirq 30 file '-c "cat /usr/share/systemtap/tapset/linux/*.stp > /dev/null"' '-r @KVER@' 'global n, s, f probe irq_handler.entry { n++; if (dev_name && kernel_string(dev_name) != "") f++ } probe softirq.entry { s++ } probe end { printf("%d %d %d\n", n > 0, f == n, s > 0) }' '1 1 1'
one cmdline-env 30 file '-c "env STAPVM_T=hi $WR 1 x"' '-r @KVER@' 'probe kernel.function("ksys_write") { if (pid() == target()) { printf("[%s][%s][%s][%s]\n", cmdline_arg(1), cmdline_args(1, -1, ","), env_var("STAPVM_T"), env_var("NOPE")); exit() } }' '\[1\]\[1,x\]\[hi\]\[\]'
one vm-pagefault 30 file '-c "$WR 1"' '-r @KVER@' 'global n, m probe vm.pagefault { if (pid() == target()) n++ } probe vm.pagefault.return { if (pid() == target() && vm_fault_contains(fault_type, VM_FAULT_MINOR)) m++ } probe end { printf("%d %d\n", n > 0, m > 0) }' '1 1'

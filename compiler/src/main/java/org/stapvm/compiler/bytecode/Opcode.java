// GENERATED from runtime-native/vm/opcodes.def and helpers.def by tools/gen_bytecode.py: do not edit.
package org.stapvm.compiler.bytecode;

/** stapvm opcodes: numbers, operand kinds and docs, exactly as the C verifier and interpreter know them. */
public enum Opcode {
    NOP(0x00, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "PLAIN", "do nothing"),
    MOV(0x01, "AB", Kind.IR, Kind.IR, Kind.NONE, Kind.NONE, "PLAIN", "A = B"),
    MOVS(0x02, "AB", Kind.SR, Kind.SR, Kind.NONE, Kind.NONE, "PLAIN", "A = B (string copy)"),
    LDI(0x03, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.IMM, "PLAIN", "A = sign-extended X"),
    LDK(0x04, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.KON, "PLAIN", "A = int constant X"),
    LDS(0x05, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.STR, "PLAIN", "A = string constant X"),
    ADD(0x10, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B + C (wrapping)"),
    SUB(0x11, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B - C (wrapping)"),
    MUL(0x12, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B * C (wrapping)"),
    DIV(0x13, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B / C; C == 0 is the error 'division by 0'"),
    MOD(0x14, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B % C; C == 0 is the error 'division by 0'"),
    AND(0x15, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B & C"),
    OR(0x16, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B | C"),
    XOR(0x17, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B ^ C"),
    SHL(0x18, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B << (C & 63)"),
    SHR(0x19, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B >> (C & 63), arithmetic"),
    NEG(0x1a, "AB", Kind.IR, Kind.IR, Kind.NONE, Kind.NONE, "PLAIN", "A = -B (wrapping)"),
    BNOT(0x1b, "AB", Kind.IR, Kind.IR, Kind.NONE, Kind.NONE, "PLAIN", "A = ~B"),
    LNOT(0x1c, "AB", Kind.IR, Kind.IR, Kind.NONE, Kind.NONE, "PLAIN", "A = !B (0 or 1)"),
    ADDI(0x1d, "ABX", Kind.IR, Kind.IR, Kind.NONE, Kind.IMM, "PLAIN", "A = B + X (wrapping)"),
    EQ(0x20, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B == C"),
    NE(0x21, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B != C"),
    LT(0x22, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B < C (signed)"),
    LE(0x23, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B <= C (signed)"),
    GT(0x24, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B > C (signed)"),
    GE(0x25, "ABC", Kind.IR, Kind.IR, Kind.IR, Kind.NONE, "PLAIN", "A = B >= C (signed)"),
    SEQ(0x28, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) == 0"),
    SNE(0x29, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) != 0"),
    SLT(0x2a, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) < 0"),
    SLE(0x2b, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) <= 0"),
    SGT(0x2c, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) > 0"),
    SGE(0x2d, "ABC", Kind.IR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = strcmp(B, C) >= 0"),
    CONCAT(0x30, "ABC", Kind.SR, Kind.SR, Kind.SR, Kind.NONE, "PLAIN", "A = B . C, truncated to MAXSTRINGLEN-1"),
    I2S(0x31, "AB", Kind.SR, Kind.IR, Kind.NONE, Kind.NONE, "PLAIN", "A = decimal text of B"),
    ACT(0x3c, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.IMM, "PLAIN", "spend X (unsigned) units of the hit's action budget, 10 x MAXACTION; 0 or less left is the error 'MAXACTION exceeded'"),
    ACTCHK(0x3d, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.IMM, "PLAIN", "the error 'MAXACTION exceeded' if fewer than X (unsigned) units of the action budget are left; spends none"),
    JMP(0x38, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.JMP, "GOTO", "pc += X (backward jumps are charged to MAXACTION)"),
    JZ(0x39, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.JMP, "BRANCH", "if A == 0 then pc += X"),
    JNZ(0x3a, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.JMP, "BRANCH", "if A != 0 then pc += X"),
    CALL(0x40, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.FN, "CALL", "A = X(int args B.., string args C..); X returns int or void; charged to MAXACTION"),
    CALLS(0x41, "ABCX", Kind.SR, Kind.IRW, Kind.SRW, Kind.FN, "CALL", "A = X(int args B.., string args C..); X returns string; charged to MAXACTION"),
    RET(0x42, "A", Kind.IR, Kind.NONE, Kind.NONE, Kind.NONE, "RETURN", "return int A"),
    RETS(0x43, "A", Kind.SR, Kind.NONE, Kind.NONE, Kind.NONE, "RETURN", "return string A"),
    RETV(0x44, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "RETURN", "return from a void function"),
    NEXTF(0x45, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "RETURN", "'next' in a function: return 0 or \"\" (as the function returns) and flag the caller to try the next overload"),
    JNEXT(0x46, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.JMP, "BRANCH", "if the last call returned by NEXTF then pc += X"),
    GGET(0x48, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.GLB, "GINT", "A = int global X"),
    GSET(0x49, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.GLB, "GINT", "int global X = A"),
    GGETS(0x4a, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.GLB, "GSTR", "A = string global X"),
    GSETS(0x4b, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.GLB, "GSTR", "string global X = A"),
    AGET(0x50, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.GLB, "AINT", "A = X[keys]; int keys from B.., string keys from C..; 0 if absent"),
    AGETS(0x51, "ABCX", Kind.SR, Kind.IRW, Kind.SRW, Kind.GLB, "ASTR", "A = X[keys] for a string-valued array; \"\" if absent"),
    ASET(0x52, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.GLB, "AINT", "X[keys] = A; a full array is an error unless declared with %"),
    ASETS(0x53, "ABCX", Kind.SR, Kind.IRW, Kind.SRW, Kind.GLB, "ASTR", "X[keys] = A (string-valued array)"),
    AEXISTS(0x54, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.GLB, "AANY", "A = [keys] in X"),
    ADEL(0x55, "BCX", Kind.NONE, Kind.IRW, Kind.SRW, Kind.GLB, "AANY", "delete X[keys]"),
    ACLEAR(0x56, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.GLB, "ACLR", "delete X (every entry of an array, or reset a scalar statistic)"),
    ITINIT(0x58, "ABCX", Kind.ITR, Kind.IR, Kind.SORT, Kind.GLB, "ITINIT", "iterator A = snapshot of X's keys sorted by C, at most B entries if B > 0, none if B < 0"),
    ITNEXT(0x59, "ABCX", Kind.ITR, Kind.IRW, Kind.SRW, Kind.JMP, "ITNEXT", "next keys of iterator A into B../C..; when exhausted pc += X"),
    ITEND(0x5a, "A", Kind.ITR, Kind.NONE, Kind.NONE, Kind.NONE, "ITEND", "end iterator A (nothing is freed: its storage belongs to the frame)"),
    SADD(0x60, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.GLB, "SSTAT", "scalar statistic X <<< A"),
    AADD(0x61, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.GLB, "ASTAT", "statistic X[keys] <<< A"),
    SAGG(0x62, "AX", Kind.AGW, Kind.NONE, Kind.NONE, Kind.GLB, "SSTAT", "A..A+5 = @count @sum @min @max @avg @variance of scalar statistic X"),
    AAGG(0x63, "ABCX", Kind.AGW, Kind.IRW, Kind.SRW, Kind.GLB, "ASTAT", "A..A+5 = aggregates of statistic X[keys] (all 0 if absent)"),
    SHIST(0x64, "ABX", Kind.IR, Kind.IR, Kind.NONE, Kind.GLB, "SHIST", "A = count in histogram bucket B of scalar statistic X (0 if B out of range)"),
    HPRINT(0x65, "X", Kind.NONE, Kind.NONE, Kind.NONE, Kind.GLB, "SHIST", "print histogram statistic X exactly as SystemTap prints @hist_linear/@hist_log; empty is the error 'empty aggregate'"),
    AHPRINT(0x66, "BCX", Kind.NONE, Kind.IRW, Kind.SRW, Kind.GLB, "AHIST", "print the histogram of statistic X[keys] (as HPRINT; an absent entry is the same error)"),
    AHIST(0x67, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.GLB, "AHIST", "A = count in histogram bucket A of statistic X[keys] (0 if the entry is absent or A out of range)"),
    REMATCH(0x68, "ABX", Kind.IR, Kind.SR, Kind.NONE, Kind.IMM, "REGEX", "A = 1 if string B matches regex X of the regex section (=~), else 0"),
    HCALL(0x70, "ABCX", Kind.IR, Kind.IRW, Kind.SRW, Kind.HLP, "HELPER", "A = helper X(int args B.., string args C..); helper returns int or void"),
    HCALLS(0x71, "ABCX", Kind.SR, Kind.IRW, Kind.SRW, Kind.HLP, "HELPER", "A = helper X(...) returning a string"),
    THROW(0x78, "A", Kind.SR, Kind.NONE, Kind.NONE, Kind.NONE, "THROW", "raise the runtime error 'ERROR: A' (like error()); ends the handler"),
    EXIT(0x79, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "PLAIN", "request the end of the session (exit()); the handler goes on"),
    ABORT(0x7a, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "THROW", "request the end of the session and end the handler at once, without an error (abort()); no try block catches it"),
    TRY(0x80, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.JMP, "TRY", "push a handler: a runtime error until the matching ENDTRY unwinds to this frame, puts its message in A and jumps to pc += X"),
    ENDTRY(0x81, "N", Kind.NONE, Kind.NONE, Kind.NONE, Kind.NONE, "PLAIN", "pop the innermost handler pushed by TRY in this frame"),
    ELD(0x88, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.IMM, "ENTRY", "A = the int at byte X of the hit's @entry data (8 bytes); only in a return handler whose probe has an entry program"),
    ELDS(0x89, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.IMM, "ENTRY", "A = the string at byte X of the hit's @entry data (MAXSTRINGLEN bytes); only in such a return handler"),
    EST(0x8a, "AX", Kind.IR, Kind.NONE, Kind.NONE, Kind.IMM, "ENTRY", "the int at byte X of the hit's @entry data = A; only in an entry program"),
    ESTS(0x8b, "AX", Kind.SR, Kind.NONE, Kind.NONE, Kind.IMM, "ENTRY", "the string at byte X of the hit's @entry data = A (MAXSTRINGLEN bytes); only in an entry program");

    /** Operand kinds of the A, B, C (8-bit) and X (32-bit) fields. */
    public enum Kind { NONE, IR, SR, IMM, JMP, KON, STR, GLB, FN, HLP, IRW, SRW, AGW, ITR, SORT }

    /**
     * Builtin helpers with their stable ids and signatures: params has a letter a parameter in
     * call order (L long, S string, a trailing * variadic); nint/nstr -1 means variadic.
     */
    public enum Helper {
        PRINT(1, "print", "VOID", "S", 0, 1, true, Privilege.USR, "print a string"),
        PRINTLN(4, "println", "VOID", "S", 0, 1, true, Privilege.USR, "print a string and a newline"),
        PRINTF(2, "printf", "VOID", "S*", -1, -1, true, Privilege.USR, "formatted print (%d %i %u %x %X %o %s %c %p %%; flags - 0 + space #; width; precision)"),
        SPRINTF(3, "sprintf", "STR", "S*", -1, -1, true, Privilege.USR, "formatted string, same formats as printf"),
        DISPLAY_PRINTF(5, "display_printf", "VOID", "S*", -1, -1, true, Privilege.USR, "printf for the end-of-run display of globals: the text goes out on output stream 3 (written as the script's output by --format=text, left out by --format=json)"),
        RECORD_PRINTF(6, "record_printf", "VOID", "S*", -1, -1, true, Privilege.USR, "a --format=json record of the end-of-run display: the format's text and %d verbatim, each %s a JSON string (output streams 4 and 5; left out by --format=text)"),
        PN(90, "pn", "STR", "", 0, 0, true, Privilege.USR, "the probe point as the script names it (a matched alias's name; pp() without a probe names section)"),
        PP(69, "pp", "STR", "", 0, 0, true, Privilege.USR, "the probe point of the running handler"),
        CPU(34, "cpu", "INT", "", 0, 0, true, Privilege.USR, "current CPU number"),
        WARN(60, "warn", "VOID", "S", 0, 1, true, Privilege.USR, "print 'WARNING: msg' on the error stream, once per distinct message"),
        SYSTEM(76, "system", "VOID", "S", 0, 1, true, Privilege.USR, "system(cmd): the loader runs sh -c cmd in the background once the handler is done (stap's STP_SYSTEM message): the command goes out on output stream 2"),
        STRLEN(10, "strlen", "INT", "S", 0, 1, true, Privilege.USR, "length of a string"),
        SUBSTR(11, "substr", "STR", "SLL", 2, 1, true, Privilege.USR, "substr(str, start, length)"),
        ISINSTR(12, "isinstr", "INT", "SS", 0, 2, true, Privilege.USR, "1 if the second string occurs in the first"),
        STRTOL(13, "strtol", "INT", "SL", 1, 1, true, Privilege.USR, "strtol(str, base) as the kernel's simple_strtol: base 0 guesses 0x/0/decimal; digits 0-9a-f"),
        STR_REPLACE(14, "str_replace", "STR", "SSS", 0, 3, true, Privilege.USR, "str_replace(s, search, repl): every occurrence of search replaced; an empty search returns s"),
        TOKENIZE(18, "tokenize", "STR", "SS", 0, 2, true, Privilege.USR, "tokenize(input, delim): next non-empty token; input \"\" continues the previous input (state per session)"),
        TEXT_STR(15, "text_str", "STR", "S", 0, 1, true, Privilege.USR, "escape non-printable characters as SystemTap (\\\\n \\\\ooo, valid UTF-8 as \\\\uXXXX / \\\\UXXXXXXXX)"),
        TEXT_STRN(19, "text_strn", "STR", "SLL", 2, 1, true, Privilege.USR, "text_strn(s, len, quoted): text_str limited to len output bytes; quoted wraps in quotes and marks a cut with ..."),
        STRINGAT(16, "stringat", "INT", "SL", 1, 1, true, Privilege.USR, "byte at index; outside the string is the error 'Position out of bounds'"),
        ISDIGIT(17, "isdigit", "INT", "S", 0, 1, true, Privilege.USR, "1 if the first byte of the string is an ASCII digit"),
        STRPOS(20, "strpos", "INT", "SS", 0, 2, true, Privilege.USR, "strpos(s1, s2): byte offset of the first s2 in s1 (0 for an empty s2); -1 when absent"),
        MATCHED(21, "matched", "STR", "L", 1, 0, true, Privilege.USR, "matched(n): group n of the last successful =~ of this probe run (0 the whole match; \"\" when the group took no part); errors after a failed match or past the last group"),
        NGROUPS(22, "ngroups", "INT", "", 0, 0, true, Privilege.USR, "ngroups(): the groups of the last successful =~ of this probe run, counting the whole match; an error after a failed match"),
        RANDINT(40, "randint", "INT", "L", 1, 0, true, Privilege.USR, "randint(n): random integer in [0,n); n above 1048576 (or negative) is the error 'range too wide'"),
        PID(30, "pid", "INT", "", 0, 0, true, Privilege.USR, "process id of the current task"),
        TID(31, "tid", "INT", "", 0, 0, true, Privilege.USR, "thread id of the current task"),
        PPID(39, "ppid", "INT", "", 0, 0, true, Privilege.USR, "parent process id of the current task"),
        UID(35, "uid", "INT", "", 0, 0, true, Privilege.USR, "real user id of the current task"),
        EUID(37, "euid", "INT", "", 0, 0, true, Privilege.USR, "effective user id of the current task"),
        GID(36, "gid", "INT", "", 0, 0, true, Privilege.USR, "real group id of the current task"),
        EGID(38, "egid", "INT", "", 0, 0, true, Privilege.USR, "effective group id of the current task"),
        EXECNAME(32, "execname", "STR", "", 0, 0, true, Privilege.USR, "name of the current executable"),
        TARGET(68, "target", "INT", "", 0, 0, true, Privilege.USR, "the target process id (-x PID, or the -c command's pid); 0 if none"),
        _STDIN_VALUE(77, "_stdin_value", "STR", "", 0, 0, true, Privilege.DEV, "the byte of the loader's standard input an INPUT probe (procfs(\"__stdin\").write) runs for, as a one-byte string; \"\" elsewhere"),
        STP_PID(75, "stp_pid", "INT", "", 0, 0, true, Privilege.DEV, "the process id of the loader that started the session (stap's stapio): the stapvm command or stapvm-run"),
        GETTIMEOFDAY_S(61, "gettimeofday_s", "INT", "", 0, 0, true, Privilege.USR, "wall-clock time in seconds"),
        GETTIMEOFDAY_MS(62, "gettimeofday_ms", "INT", "", 0, 0, true, Privilege.USR, "wall-clock time in milliseconds"),
        GETTIMEOFDAY_US(63, "gettimeofday_us", "INT", "", 0, 0, true, Privilege.USR, "wall-clock time in microseconds"),
        GETTIMEOFDAY_NS(33, "gettimeofday_ns", "INT", "", 0, 0, true, Privilege.USR, "wall-clock time in nanoseconds"),
        LOCAL_CLOCK_NS(64, "local_clock_ns", "INT", "", 0, 0, true, Privilege.USR, "monotonic clock of the current CPU in nanoseconds"),
        LOCAL_CLOCK_US(65, "local_clock_us", "INT", "", 0, 0, true, Privilege.USR, "local_clock_ns() / 1000"),
        LOCAL_CLOCK_MS(66, "local_clock_ms", "INT", "", 0, 0, true, Privilege.USR, "local_clock_ns() / 1000000"),
        LOCAL_CLOCK_S(67, "local_clock_s", "INT", "", 0, 0, true, Privilege.USR, "local_clock_ns() / 1000000000"),
        KTIME_GET_NS(70, "ktime_get_ns", "INT", "", 0, 0, true, Privilege.USR, "the kernel's monotonic clock (ktime_get_ns; NMI-safe fast read) in nanoseconds; userspace: CLOCK_MONOTONIC"),
        GET_CYCLES(71, "get_cycles", "INT", "", 0, 0, true, Privilege.USR, "the processor's cycle counter (x86: the TSC)"),
        TZ_GMTOFF(73, "tz_gmtoff", "INT", "", 0, 0, true, Privilege.USR, "the loader's time zone offset in seconds west of UTC, as staprun passes it (userspace runtime: its localtime); stapvm.ko is not given one yet: an error"),
        TZ_NAME(74, "tz_name", "STR", "", 0, 0, true, Privilege.USR, "the loader's time zone name (tm_zone of its localtime); stapvm.ko: an error, as tz_gmtoff"),
        JIFFIES(117, "jiffies", "INT", "", 0, 0, true, Privilege.USR, "the kernel's jiffies counter (userspace: the monotonic clock in 1/HZ units, HZ 250)"),
        KERNEL_STRING(50, "kernel_string", "STR", "L", 1, 0, true, Privilege.KMEM, "kernel_string(addr): a NUL-terminated kernel string (at most MAXSTRINGLEN-1 bytes), copied without faulting; a bad address is the error 'kernel string copy fault at 0xADDR [man error::fault]'"),
        KERNEL_STRING_N(126, "kernel_string_n", "STR", "LL", 2, 0, true, Privilege.KMEM, "kernel_string_n(addr, n): at most n bytes of a NUL-terminated kernel string; fault as kernel_string"),
        KERNEL_LONG(120, "kernel_long", "INT", "L", 1, 0, true, Privilege.KMEM, "kernel_long(addr): 8 bytes of kernel memory without faulting; error 'kernel long copy fault at 0xADDR [man error::fault]'"),
        KERNEL_INT(121, "kernel_int", "INT", "L", 1, 0, true, Privilege.KMEM, "kernel_int(addr): 4 bytes of kernel memory, sign-extended; error 'kernel int copy fault at 0xADDR [man error::fault]'"),
        KERNEL_SHORT(127, "kernel_short", "INT", "L", 1, 0, true, Privilege.KMEM, "kernel_short(addr): 2 bytes of kernel memory, sign-extended; error 'kernel short copy fault at 0xADDR [man error::fault]'"),
        KERNEL_CHAR(128, "kernel_char", "INT", "L", 1, 0, true, Privilege.KMEM, "kernel_char(addr): 1 byte of kernel memory, sign-extended; error 'kernel char copy fault at 0xADDR [man error::fault]'"),
        USER_STRING(51, "user_string", "STR", "L", 1, 0, true, Privilege.USR, "user_string(addr): a NUL-terminated string of the current task's memory, copied without faulting; a bad address is the error 'user string copy fault -14 at 0xADDR [man error::fault]'"),
        USER_STRING_N(107, "user_string_n", "STR", "LL", 2, 0, true, Privilege.USR, "user_string_n(addr, n): at most n bytes of a NUL-terminated user string; fault as user_string"),
        USER_LONG(108, "user_long", "INT", "L", 1, 0, true, Privilege.USR, "user_long(addr): 8 bytes of the task's memory; 0 when unreadable (as stap)"),
        USER_INT(109, "user_int", "INT", "L", 1, 0, true, Privilege.USR, "user_int(addr): 4 bytes, sign-extended; 0 when unreadable"),
        USER_SHORT(110, "user_short", "INT", "L", 1, 0, true, Privilege.USR, "user_short(addr): 2 bytes, sign-extended; 0 when unreadable"),
        USER_CHAR(111, "user_char", "INT", "L", 1, 0, true, Privilege.USR, "user_char(addr): 1 byte, sign-extended; 0 when unreadable"),
        UINT_ARG(100, "uint_arg", "INT", "L", 1, 0, true, Privilege.DEV, "uint_arg(n): argument n (1-6 in registers, 7.. from the stack at entry) as a 32-bit unsigned value; 'cannot access arg(N)'"),
        INT_ARG(101, "int_arg", "INT", "L", 1, 0, true, Privilege.DEV, "int_arg(n): argument n sign-extended from 32 bits"),
        LONG_ARG(102, "long_arg", "INT", "L", 1, 0, true, Privilege.DEV, "long_arg(n): argument n as a signed 64-bit value"),
        ULONG_ARG(103, "ulong_arg", "INT", "L", 1, 0, true, Privilege.DEV, "ulong_arg(n): argument n as an unsigned 64-bit value"),
        POINTER_ARG(104, "pointer_arg", "INT", "L", 1, 0, true, Privilege.DEV, "pointer_arg(n): argument n as a pointer"),
        RETURNVAL(105, "returnval", "INT", "", 0, 0, true, Privilege.DEV, "the return value register (rax) at a .return probe; elsewhere 'returnval() not defined in this context PP'"),
        PROBEFUNC(106, "probefunc", "STR", "", 0, 0, true, Privilege.USR, "the probed function: the probe record's symbol without an @FILE part; \"\" for a probe without a symbol"),
        PPFUNC(118, "ppfunc", "STR", "", 0, 0, true, Privilege.USR, "same as probefunc(): the probed function's name"),
        UBACKTRACE(112, "ubacktrace", "STR", "", 0, 0, true, Privilege.USR, "the user stack of the hit (at most 32 frames), by the unwind section's CFI rows where the pc's file has them, else by frame pointers when the module carries none: hex addresses, each followed by a space (stap's format), starting with the user pc; uprobes, and kprobes that interrupted a user task's syscall (stapvm.ko); \"\" without a user task"),
        BACKTRACE(122, "backtrace", "STR", "", 0, 0, true, Privilege.KMEM, "the kernel stack of the hit: hex return addresses, each followed by a space (stap's format), starting with the probe address (stapvm.ko: at most 32 frames; the userspace runtime has no kernel stack: \"\")"),
        PRINT_BACKTRACE(123, "print_backtrace", "VOID", "", 0, 0, true, Privilege.KMEM, "prints the kernel stack of the hit, one line per frame as stap: ' 0xADDR : sym+0xOFF/0xSIZE [kernel|module]' (' 0xADDR' when unknown); nothing in the userspace runtime"),
        PRINT_UBACKTRACE(124, "print_ubacktrace", "VOID", "", 0, 0, true, Privilege.USR, "prints ubacktrace()'s frames one per line as stap: ' 0xADDR : sym+0xOFF/0xSIZE [/path]' (userspace runtime: ELF symbols, as stap -d); ' 0xADDR [/path+0xOFF/0xSIZE]' (offset/size in the mapping: stapvm.ko at uprobes, as stap without -d); ' 0xADDR' when the mapping is not safely known (stapvm.ko kprobes); '<no user backtrace at PP>' without a user task"),
        UADDR(113, "uaddr", "INT", "", 0, 0, true, Privilege.USR, "the user address of the probe hit (the instruction pointer)"),
        _UTRACE_SYSCALL_NR(114, "_utrace_syscall_nr", "INT", "", 0, 0, true, Privilege.USR, "$syscall in process.syscall probes: the system call number"),
        _UTRACE_SYSCALL_ARG(115, "_utrace_syscall_arg", "INT", "L", 1, 0, true, Privilege.USR, "$argN in process.syscall probes: system call argument n (1-6)"),
        _UTRACE_SYSCALL_RETURN(116, "_utrace_syscall_return", "INT", "", 0, 0, true, Privilege.USR, "$return in process.syscall.return probes: the system call's result"),
        REGISTER(119, "register", "INT", "S", 0, 1, true, Privilege.DEV, "register(name): a register of the probe hit (rax..r15, rip/ip, rsp/sp, ...); an unknown name or no registers is an error"),
        _TARGET_DEREF(139, "_target_deref", "INT", "LL", 2, 0, true, Privilege.KMEM, "a kernel $var/@cast member read (BTF): _target_deref(addr, n) reads n bytes (1, 2, 4 or 8; -n: sign-extended) of kernel memory at addr; a bad address is stap's error 'read fault [man error::fault] at 0xADDR'"),
        _TRACEPOINT_ARG(129, "_tracepoint_arg", "INT", "L", 1, 0, true, Privilege.KMEM, "$NAME in kernel.trace probes: argument n (1-12) of the tracepoint, as the tracepoint passed it (the compiler narrows it to its BTF type); elsewhere 'cannot access tracepoint argument N in this context'"),
        _UTARGET_DEREF(138, "_utarget_deref", "INT", "LL", 2, 0, true, Privilege.USR, "a userspace $var member read (DWARF): _utarget_deref(addr, n) reads n bytes (1, 2, 4 or 8; -n: sign-extended) of the probed task's memory at addr; a bad address is stap's error 'read fault [man error::fault] at 0xADDR'"),
        _CTX_FLAG(125, "_ctx_flag", "INT", "L", 1, 0, true, Privilege.USR, "_ctx_flag(n): what kind of hit runs: 0 a function return (is_return), 1 a user-mode hit (user_mode: uprobes), 2 the hit has registers (registers_valid); 0 or 1"),
        _ONLINE_CPUS(72, "_online_cpus", "INT", "", 0, 0, true, Privilege.USR, "the number of online CPUs"),
        _SYM(150, "_sym", "STR", "LL", 2, 0, true, Privilege.KMEM, "_sym(addr, flags): a kernel address named as stap's _stp_snprint_addr with _STP_SYM_* flags (1 symbol, 8 offset, 16 size, 4 module, 512 its basename, 64/128/256 space before/after, newline); unknown: 0xADDR"),
        _USYM(151, "_usym", "STR", "LL", 2, 0, true, Privilege.USR, "_usym(addr, flags): as _sym for an address of the hit's user task: the module is the mapping's path, the symbol from its ELF file (userspace runtime; stapvm.ko parses no ELF)"),
        TASK_CURRENT(152, "task_current", "INT", "", 0, 0, true, Privilege.KMEM, "the address of the current task's struct task_struct (stapvm.ko); the userspace runtime has no kernel task: an error"),
        PID2TASK(153, "pid2task", "INT", "L", 1, 0, true, Privilege.KMEM, "pid2task(pid): the address of the struct task_struct of a pid (stapvm.ko: find_vpid + pid_task under RCU); 0 when there is none; the userspace runtime has no kernel task: an error"),
        _PROCFS_VALUE(130, "_procfs_value", "STR", "", 0, 0, true, Privilege.DEV, "$value in a procfs write probe: the data of the write() that runs it (at most MAXSTRINGLEN-1 bytes); elsewhere 'procfs $value is not available in this context'"),
        _PROCFS_SET(131, "_procfs_set", "STR", "S", 0, 1, true, Privilege.DEV, "$value = s in a procfs read probe: what the reader gets becomes s (cut at the probe's maxsize); returns s; elsewhere an error"),
        _PROCFS_APPEND(132, "_procfs_append", "STR", "S", 0, 1, true, Privilege.DEV, "$value .= s in a procfs read probe: appends s to what the reader gets (cut at the probe's maxsize, which may pass MAXSTRINGLEN); returns s; elsewhere an error");

        /**
         * helpers.def's privilege column: USR stapusr may call it; DEV stap refuses a script's call
         * for stapusr; KMEM it reads kernel memory or state (the verifier refuses it in a stapusr module).
         */
        public enum Privilege { USR, DEV, KMEM }

        public final int id, nint, nstr;
        public final String mnemonic, ret, params, doc;
        public final boolean implemented;
        public final Privilege privilege;

        Helper(int id, String mnemonic, String ret, String params, int nint, int nstr, boolean implemented,
               Privilege privilege, String doc) {
            this.id = id; this.mnemonic = mnemonic; this.ret = ret; this.params = params; this.nint = nint;
            this.nstr = nstr; this.implemented = implemented; this.privilege = privilege; this.doc = doc;
        }

        /** Whether it takes a variable number of arguments after its fixed ones (the printf family). */
        public boolean variadic() {
            return params.endsWith("*");
        }
    }

    public final int number;
    public final String format, verifierClass, doc;
    public final Kind a, b, c, x;

    Opcode(int number, String format, Kind a, Kind b, Kind c, Kind x, String verifierClass, String doc) {
        this.number = number; this.format = format; this.a = a; this.b = b; this.c = c; this.x = x;
        this.verifierClass = verifierClass; this.doc = doc;
    }

    /** Encodes one 64-bit instruction: opcode | A<<8 | B<<16 | C<<24 | X<<32. */
    public long encode(int a, int b, int c, int x) {
        return (number & 0xffL) | (a & 0xffL) << 8 | (b & 0xffL) << 16 | (c & 0xffL) << 24 | (x & 0xffffffffL) << 32;
    }

    /** Packs a helper operand: id | int argument count << 16 | string argument count << 24. */
    public static int helperOperand(Helper h, int nint, int nstr) {
        return h.id | nint << 16 | nstr << 24;
    }
}

// GENERATED from runtime-native/vm/format.def by tools/gen_bytecode.py: do not edit.
package org.stapvm.compiler.module;

/** The module file's contract as the C loader and verifier know it (runtime-native/vm/format.def). */
public final class ModuleFormat {
    private ModuleFormat() {}

    /** The header's format version. */
    public static final int VERSION = 2;

    /** Section ids. */
    public enum Section {
        STRINGS(1, "strings"),
        CONSTS(2, "constants"),
        GLOBALS(3, "globals"),
        FUNCS(4, "functions"),
        PROBES(5, "probes"),
        LIMITS(6, "limits"),
        SRCMAP(7, "source map"),
        SIGNATURE(8, "signature"),
        REGEX(9, "regex"),
        ENTRY(10, "entry"),
        RXGROUPS(11, "regex groups"),
        UNWIND(12, "unwind"),
        JAVA(13, "java"),
        PROBENAMES(14, "probe names"),
        TIMING(15, "timing");

        public final int id;
        public final String text;

        Section(int id, String text) {
            this.id = id;
            this.text = text;
        }

        /** The section with this id, or null. */
        public static Section byId(int id) {
            for (Section s : values()) {
                if (s.id == id) {
                    return s;
                }
            }
            return null;
        }
    }

    /** one global: u8 value type, u8 key count, u8 flags, u8 histogram, u32 size, u32 name, u8 key types[9], 3 pad, i32 lo, hi, step */
    public static final int GLOBAL_BYTES = 36;
    /** one function before its code: u32 name, u8 int regs, string regs, int args, string args, return, iterators, u16 0, u32 instruction count */
    public static final int FUNC_HEADER_BYTES = 16;
    /** one probe: u16 kind, u16 flags, u32 handler, u32 pp, symbol, module, path strings, u64 address, period, jitter, semaphore */
    public static final int PROBE_BYTES = 56;
    /** one source-map entry: u32 function, u32 pc, u32 string */
    public static final int SRCLOC_BYTES = 12;
    /** one entry program: u32 probe, u32 function, u32 @entry data bytes */
    public static final int ENTRY_BYTES = 12;
    /** a bundle's header: magic[4], u16 version, u16 entry count, u32 bytes of the metadata (UTF-8 "key: value" lines) after the last entry, which keep a signed module from ending the bundle's signed bytes */
    public static final int BUNDLE_HEADER_BYTES = 12;
    /** one module of a bundle, after the header and the entries before it: u32 script name bytes, u32 kernel release bytes, u32 module bytes, u32 flags (0), u8 sha256 of the script's source[32]; then the name, the release and the module file */
    public static final int BUNDLE_ENTRY_BYTES = 48;
    /** one probe of -t's report: u32 location string (FILE:LINE:COL), u32 derivation string; location 0xffffffff: not reported */
    public static final int TIMING_BYTES = 8;

    /** The limits section's fields in order (u32 or u64): default when absent, and the range the verifier accepts. */
    public enum Limit {
        /** statements (backward jumps and calls) one probe hit may execute; at most stap's int budget (actionremaining), so a hit cannot run for minutes with interrupts off */
        MAXACTION(32, 1000L, 1L, 2147483647L),
        /** bytes of a string, its NUL included */
        MAXSTRINGLEN(32, 512L, 2L, 4096L),
        /** entries of an array declared without a size */
        MAXMAPENTRIES(32, 2048L, 1L, 1048576L),
        /** nested function calls below a probe handler */
        MAXNESTING(32, 10L, 1L, 256L),
        /** runtime errors before the session aborts (0: the first error aborts) */
        MAXERRORS(32, 0L, 0L, 4294967295L),
        /** skipped probe hits before the session ends with an error */
        MAXSKIPPED(32, 100L, 0L, 4294967295L),
        /** zero histogram rows kept on each side of a non-zero row (stap's -D HIST_ELISION; read as signed, negative keeps all) */
        HIST_ELISION(32, 2L, 0L, 4294967295L),
        /** the session's switches, LIMIT_FLAG bits */
        FLAGS(32, 0L, 0L, 15L),
        /** cycles a CPU may spend in probe handlers per overload interval (stap's overload governor, stapvm.ko) */
        STP_OVERLOAD_THRESHOLD(64, 500000000L, 0L, 9223372036854775807L),
        /** cycles of one overload interval; 0: no governor (-D STP_NO_OVERLOAD, --suppress-time-limits) */
        STP_OVERLOAD_INTERVAL(64, 1000000000L, 0L, 9223372036854775807L);

        public final int bits;
        public final long defaultValue, min, max;

        Limit(int bits, long defaultValue, long min, long max) {
            this.bits = bits;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
        }

        /** value is one the verifier accepts. */
        public boolean accepts(long value) {
            return value >= min && value <= max;
        }
    }

    /** The bits of the limits' FLAGS field. */
    public enum LimitFlag {
        /** --suppress-handler-errors: a handler's runtime error is counted (the closing "Number of errors"), not printed, and never aborts the session */
        SUPPRESS_HANDLER_ERRORS(1),
        /** --skip-badvars: a fault reading a $var's memory, kernel_long & co or kernel_string is 0 (""), not an error, as stap's STP_SKIP_BADVARS makes loc2c's DEREF_FAULT */
        SKIP_BADVARS(2),
        /** --privilege=stapsys: compiled for stap's stapsys level (loads as stapdev's modules do: stapvm.ko wants CAP_SYS_ADMIN) */
        PRIV_STAPSYS(4),
        /** --privilege=stapusr: only PR_STAPUSR probe kinds and no KMEM helper (the verifier refuses others); stapvm.ko loads it for a stapusr member when signed, its process probes firing only in the loader's uid (docs/privilege.md); not with PRIV_STAPSYS */
        PRIV_STAPUSR(8);

        public final int bit;

        LimitFlag(int bit) {
            this.bit = bit;
        }
    }

    /** A signed module file ends with the kernel's module signature: PKCS#7, struct module_signature, magic. */
    public static final int SIGNATURE_INFO_BYTES = 12;
    /** struct module_signature's id_type of a PKCS#7 signature. */
    public static final int SIGNATURE_PKEY_ID_PKCS7 = 2;
    /** The last bytes of a signed module file. */
    public static final String SIGNATURE_MAGIC = "~Module signature appended~\n";
    /** A bundle file's header: its magic and format version (BUNDLE_HEADER, BUNDLE_ENTRY records). */
    public static final String BUNDLE_MAGIC = "STVB";
    public static final int BUNDLE_VERSION = 1;
}

package org.stapvm.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The stap options stapvm understands, with SystemTap's names and meanings. */
@Command(name = "stapvm", mixinStandardHelpOptions = false, sortOptions = false,
        description = "SystemTap-compatible scripts compiled to verified bytecode.")
final class Options {
    int lastPass = 5;

    /** As stap reads it (strtoul, the whole word); Main refuses what is not 1-5. */
    @Option(names = "-p", paramLabel = "NUM", description = "stop after pass NUM (1-5): 1 prints the parsed script")
    void lastPass(String text) {
        lastPass = (int) CNumbers.strtoul(text);
    }

    String script;

    /** How many -e were given: stap takes one (a later -p or -o replaces an earlier one, a later -e is refused). */
    int scriptOptions;

    @Option(names = "-e", paramLabel = "SCRIPT", description = "run the given one-line script")
    void script(String text) {
        script = text;
        scriptOptions++;
    }

    @Option(names = "-v", description = "more verbose; repeat for more")
    boolean[] verbose = new boolean[0];

    @Option(names = "-I", paramLabel = "DIR", description = "look in DIR for additional tapsets")
    List<String> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME=VALUE", description = "set a limit such as MAXACTION")
    List<String> defines = new ArrayList<>();

    /** The last -r (getopt's rule); {@link #kernelReleases} keeps them all for --bundle. */
    String kernelRelease;

    /** Every -r in order: --bundle compiles each script once for each. */
    List<String> kernelReleases = new ArrayList<>();

    @Option(names = "-r", paramLabel = "KRELEASE", description = "compile for kernel release KRELEASE (with --bundle: for each -r given)")
    void kernelRelease(String release) {
        kernelRelease = release;
        kernelReleases.add(release);
    }

    @Option(names = "-g", description = "guru mode (stapvm still never runs embedded C)")
    boolean guru;

    /** Each --privilege word and --unprivileged (as "stapusr"), in command-line order; {@link #invalid()} reads them. */
    final List<String> privilegeWords = new ArrayList<>();

    @Option(names = "--privilege", paramLabel = "PRIVILEGE_LEVEL",
            description = "check the script for stapdev (default), stapsys or stapusr (docs/privilege.md)")
    void privilegeWord(String word) {
        privilegeWords.add(word);
    }

    @Option(names = "--unprivileged", description = "same as --privilege=stapusr")
    void unprivileged(boolean on) {
        privilegeWords.add("stapusr");
    }

    /** The level once {@link #invalid()} returned null: the last word given, stapdev without one. */
    org.stapvm.compiler.sema.Privilege privilege() {
        return privilegeWords.isEmpty() ? org.stapvm.compiler.sema.Privilege.STAPDEV
                : org.stapvm.compiler.sema.Privilege.of(privilegeWords.get(privilegeWords.size() - 1));
    }

    @Option(names = "-o", paramLabel = "FILE", description = "send output to FILE (strftime(3) formats expanded, as stap)")
    String outputFile;

    @Option(names = "-S", paramLabel = "SIZE[,N]",
            description = "with -o: switch to FILE.1, FILE.2, ... (from FILE.0) when a file reaches SIZE MB; keep at most N files")
    String sizeOption;

    /** -S's SIZE in MB and N (0: all kept); set by {@link #invalid()}. */
    long rotateMegabytes;
    int rotateFiles;

    @Option(names = "-F", description = "flight recorder: with -o, run in the background and print the pid (without -o: refused, see README)")
    boolean flightRecorder;

    /** --format: stap's text, or a JSON record per output line (docs/json-output.md). */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: every output line a JSON record (docs/json-output.md)")
    Format format = Format.text;

    @Option(names = "-c", paramLabel = "CMD", description = "start CMD and trace it; end when it exits")
    String command;

    @Option(names = "-x", paramLabel = "PID", description = "set target() to PID")
    String targetPidText;

    @Option(names = "-T", paramLabel = "SECONDS", description = "end the session after SECONDS")
    String timeoutText;

    /** -x as a number; valid once {@link #invalid()} returned null. */
    Integer targetPid;

    /** -T in seconds, a whole number of milliseconds as stap keeps it; null: no timeout. */
    Double timeout;

    /** Lists, so that a second -l/-L reaches {@link #invalid()} and gets stap's words, not picocli's. */
    @Option(names = "-l", paramLabel = "PROBE", description = "list the probe points PROBE matches")
    java.util.List<String> listProbes = new java.util.ArrayList<>();

    @Option(names = "-L", paramLabel = "PROBE", description = "list the probe points PROBE matches and their target variables")
    java.util.List<String> listProbesWithVariables = new java.util.ArrayList<>();

    /**
     * The pattern of -l or -L (stap's listing mode), or null when neither is given. Like stap,
     * positional words after it are script arguments, so only this one pattern is listed.
     */
    String listingPattern() {
        return !listProbesWithVariables.isEmpty() ? listProbesWithVariables.get(0)
                : listProbes.isEmpty() ? null : listProbes.get(0);
    }

    /** -L: the listing shows each point's target variables. */
    boolean listsVariables() {
        return !listProbesWithVariables.isEmpty();
    }

    @Option(names = "-m", paramLabel = "MODULE", description = "name the compiled module MODULE")
    String moduleName;

    @Option(names = "--sign", paramLabel = "KEY.pem",
            description = "sign the module with the private key (and certificate) in KEY.pem, as the kernel's scripts/sign-file signs modules: the -p4 file, or what pass 5 gives stapvm.ko")
    String signKey;

    @Option(names = "--sign-cert", paramLabel = "CERT", description = "the signer's X.509 certificate (PEM or DER) when KEY.pem holds only the key")
    String signCert;

    @Option(names = "--bundle", paramLabel = "FILE",
            description = "compile each script given (SCRIPT...) for each -r and write them with their metadata into one bundle FILE (docs/bundles.md)")
    String bundle;

    @Option(names = "--bundle-name", paramLabel = "NAME", description = "the bundle's name (default: FILE's name without its extension)")
    String bundleName;

    @Option(names = "--bundle-version", paramLabel = "VERSION", description = "the bundle's version (required with --bundle)")
    String bundleVersion;

    @Option(names = "--sign-module", paramLabel = "FILE.stpb",
            description = "sign the existing module FILE.stpb in place with --sign's key (a present signature is replaced)")
    String signModule;

    /** Which runtime runs the module; unset: stapvm.ko when /dev/stapvm exists (stapvm_run.h, stapvm_pick_runtime). */
    enum Runtime { kernel, user }

    @Option(names = "--runtime", paramLabel = "MODE",
            description = "kernel or user (default: kernel when /dev/stapvm exists and no process() probes are used)")
    Runtime runtime;

    /** How process() probes replay the instruction under the breakpoint (runtime-native/user/README.md). */
    enum Breakpoint { emulate, xol, step, auto }

    @Option(names = "--breakpoint", paramLabel = "MODE",
            description = "process() probes: emulate, xol, step (single-step re-insertion) or auto (default: emulation, else out-of-line execution)")
    Breakpoint breakpoint = Breakpoint.auto;

    @Option(names = "-w", description = "suppress warnings")
    boolean suppressWarnings;

    @Option(names = "-W", description = "turn warnings into errors")
    boolean warningsAsErrors;

    @Option(names = "-u", description = "unoptimized translation: keep what the optimizer would elide")
    boolean unoptimized;

    @Option(names = "-E", paramLabel = "SCRIPT", description = "run SCRIPT in addition to the main script (-e or a file)")
    List<String> extraScripts = new ArrayList<>();

    @Option(names = "-G", paramLabel = "VAR=VALUE", description = "set global variable VAR to VALUE")
    List<String> globalSettings = new ArrayList<>();

    @Option(names = "--suppress-handler-errors", description = "catch all runtime errors, quietly skip probe handlers")
    boolean suppressHandlerErrors;

    @Option(names = "--suppress-time-limits", description = "no overload governor and no MAXACTION (needs -g)")
    boolean suppressTimeLimits;

    @Option(names = "--skip-badvars", description = "substitute the literal 0 for a $context variable that cannot be resolved, with a warning")
    boolean skipBadvars;

    @Option(names = "-d", paramLabel = "OBJECT", description = "add unwind data for OBJECT (user stacks by CFI)")
    List<String> unwindModules = new ArrayList<>();

    @Option(names = "--ldd", description = "add unwind data for the shared libraries of the probed files and -d objects")
    boolean ldd;

    // Accepted as stap accepts them; what they tune has no counterpart here (stapvm keeps no
    // temporary directory, builds no C, runs one output transport), so they change nothing.
    @Option(names = "-k", description = "keep temporary directory (stapvm has none: accepted, no effect)")
    boolean keepTemporary;

    @Option(names = "--all-modules", description = "symbols of every loaded kernel module (accepted: stapvm.ko names kernel addresses from kallsyms, which lists them all)")
    boolean allModules;

    @Option(names = "-b", description = "bulk (per-CPU file) mode (accepted: one output stream)")
    boolean bulk;

    @Option(names = "-s", paramLabel = "NUM", description = "buffer size in megabytes, 1-4095 (checked as stap does; stapvm's ring is fixed)")
    String bufferMegabytesText;

    @Option(names = "-q", description = "tapset coverage (accepted: stapvm keeps no coverage database)")
    boolean tapsetCoverage;

    @Option(names = "-P", description = "prologue searching for function probes (accepted: no DWARF prologues)")
    boolean prologueSearch;

    @Option(names = "--prologue-searching", paramLabel = "WHEN", arity = "0..1", fallbackValue = "always",
            description = "prologue searching for function probes (accepted)")
    String prologueSearching;

    @Option(names = "-B", paramLabel = "NAME=VALUE", description = "kbuild make option (accepted: nothing is built)")
    List<String> kbuildOptions = new ArrayList<>();

    @Option(names = "--modinfo", paramLabel = "NAME=VALUE", description = "MODULE_INFO of the module (accepted)")
    List<String> modinfo = new ArrayList<>();

    @Option(names = "--compatible", paramLabel = "VERSION", description = "language version (accepted: 4.8 semantics)")
    String compatible;

    @Option(names = "--tmpdir", paramLabel = "NAME", description = "temporary directory (accepted: none is used)")
    String tmpdir;

    @Option(names = "-t", description = "collect timing information on probes: stap's probe hit report after the end probes")
    boolean timing;

    @Option(names = "--disable-cache", description = "neither use nor fill the compile cache ($SYSTEMTAP_DIR/cache/stapvm)")
    boolean disableCache;

    @Option(names = "--poison-cache", description = "compile again and replace the compile cache's entry")
    boolean poisonCache;

    @Option(names = "--clean-cache", description = "clean the compile cache down to its cache_mb_limit (and exit without a script)")
    boolean cleanCache;

    @Option(names = "--example", description = "the script file named is one of stap's examples (found by its name under /usr/share/systemtap/examples)")
    boolean example;

    @Option(names = "--dump-probe-types", description = "list the probe point shapes stapvm takes and exit")
    boolean dumpProbeTypes;

    @Option(names = "--dump-functions", description = "list the tapset library's functions and exit")
    boolean dumpFunctions;

    @Option(names = "--dump-probe-aliases", description = "list the tapset library's probe aliases and exit")
    boolean dumpProbeAliases;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "show the version")
    boolean version;

    @Parameters(paramLabel = "SCRIPT [ARGUMENTS]", description = "script file ('-' for stdin), then its arguments")
    List<String> positionals = new ArrayList<>();

    /** As stap's getopt loop: an unknown level, or a second level unlike the first, stops at once. */
    private String privilegeProblem() {
        String level = null;
        for (String w : privilegeWords) {
            if (org.stapvm.compiler.sema.Privilege.of(w) == null) {
                return "Invalid argument '" + w + "' for --privilege.\n";
            }
            if (level != null && !level.equals(w)) {
                return "Privilege level may be set only once.\n";
            }
            level = w;
        }
        return null;
    }

    /**
     * stap's message (with its newline) for option values it refuses, else null; sets
     * {@link #targetPid} and {@link #timeout} from their text.
     */
    String invalid() {
        String privilegeProblem = privilegeProblem();
        if (privilegeProblem != null) {
            return privilegeProblem;
        }
        if (scriptOptions > 1) {
            return "Only one script can be given on the command line.\n";
        }
        if (listProbes.size() + listProbesWithVariables.size() > 1) {
            return "ERROR: only one of the -l/-L/--dump-* switches may be specified\n";
        }
        if (script != null && (listingPattern() != null || dumpFunctions || dumpProbeAliases || dumpProbeTypes)) {
            return "Cannot specify a script with -l/-L/--dump-* switches.\n"
                    + "Try '--help' for more information. [man stap]\n"
                    + "A message like [man foo] means for more info, run % man foo\n";
        }
        if (bufferMegabytesText != null) {
            long size = CNumbers.strtoul(bufferMegabytesText);
            if (size < 1 || size > 4095) {
                return "Invalid buffer size (should be 1-4095).\n";
            }
        }
        if (guru && privilege() != org.stapvm.compiler.sema.Privilege.STAPDEV) {
            return "You can't specify -g and --privilege=" + privilege().word() + " together.\n"
                    + "Try '--help' for more information. [man stap]\n"
                    + "A message like [man foo] means for more info, run % man foo\n";
        }
        if (suppressTimeLimits && !guru) {
            return "ERROR --suppress-time-limits requires guru mode (-g)\n";
        }
        if ((signCert != null || signModule != null) && signKey == null) {
            return "stapvm: --sign-cert and --sign-module need --sign KEY.pem\n";
        }
        if ((bundleName != null || bundleVersion != null) && bundle == null) {
            return "stapvm: --bundle-name and --bundle-version need --bundle FILE\n";
        }
        if (bundle != null && bundleVersion == null) {
            return "stapvm: --bundle needs --bundle-version VERSION\n";
        }
        if (java.util.stream.Stream.of(bundleName, bundleVersion).anyMatch(v -> v != null && v.contains("\n"))) {
            return "stapvm: --bundle-name and --bundle-version are one line each\n";
        }
        if (bundle != null && (script != null || signModule != null || listingPattern() != null)) {
            return "stapvm: --bundle compiles script files: give them as SCRIPT..., without -e, -l/-L or --sign-module\n";
        }
        if (signKey != null && signModule == null && bundle == null && lastPass < 4) {
            return "stapvm: --sign signs the module of pass 4 or 5 (or an existing one: --sign-module FILE.stpb)\n";
        }
        if (sizeOption != null) {
            if (!sizeOption.matches("[0-9]+(,[0-9]+)?")) {
                return "ERROR: Safety pattern mismatch for -S parameter ('" + sizeOption
                        + "' vs. '^[0-9]+(,[0-9]+)?$') rc=1\n";
            }
            String[] parts = sizeOption.split(",");
            try {
                rotateMegabytes = Long.parseLong(parts[0]);
                rotateFiles = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            } catch (NumberFormatException e) {
                return "Invalid file size option '" + sizeOption + "'.\n";
            }
            if (rotateMegabytes > (Long.MAX_VALUE >> 20)) {
                return "Invalid file size option '" + sizeOption + "'.\n";
            }
        }
        if (command != null && targetPidText != null) {
            return "You can't specify -c and -x together.\n"
                    + "Try '--help' for more information. [man stap]\n";
        }
        if (targetPidText != null) {
            try {
                targetPid = Integer.parseInt(targetPidText.trim());
            } catch (NumberFormatException e) {
                targetPid = -1;
            }
            if (targetPid <= 0) {
                return "Invalid target process ID number.\n";
            }
        }
        if (timeoutText != null) {
            double seconds;
            try {
                seconds = Double.parseDouble(timeoutText.trim());
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
            // stap keeps whole milliseconds and refuses 0 (NaN fails the comparison too)
            long ms = seconds * 1000 >= 1 && seconds <= 1e9 ? (long) (seconds * 1000) : 0;
            if (ms == 0) {
                return "Invalid timeout interval.\n";
            }
            timeout = ms / 1000.0;
        }
        return null;
    }

    /** What becomes of warnings: -w suppresses them, -W makes each fail its pass (-w wins, as in stap). */
    org.stapvm.compiler.pipeline.Pipeline.Warnings warnings() {
        return suppressWarnings ? org.stapvm.compiler.pipeline.Pipeline.Warnings.SUPPRESS
                : warningsAsErrors ? org.stapvm.compiler.pipeline.Pipeline.Warnings.FATAL
                : org.stapvm.compiler.pipeline.Pipeline.Warnings.SHOW;
    }

    int verbosity() {
        return verbose.length;
    }

    /** With -e every positional is a script argument; otherwise the first names the script. */
    List<String> scriptArguments() {
        if (script != null || positionals.isEmpty()) {
            return positionals;
        }
        return positionals.subList(1, positionals.size());
    }
}

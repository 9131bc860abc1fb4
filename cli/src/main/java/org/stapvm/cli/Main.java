package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import org.stapvm.lang.SourceFile;
import picocli.CommandLine;

/** The stapvm command: reads stap's options and runs the passes they ask for. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int[] status = {1}; // a worker that dies without an answer is a failure
        // Parsing recurses with the script's nesting depth: give it a roomy stack.
        Thread worker = new Thread(null, () -> status[0] = guarded(args, System.out, System.err), "stapvm", 256L << 20);
        worker.start();
        worker.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /** {@link #run}, with a bug in stapvm told in one line and a failing exit status, never a stack trace. */
    static int guarded(String[] args, PrintStream out, PrintStream err) {
        try {
            return run(args, out, err);
        } catch (StackOverflowError e) {
            err.println("stapvm: internal error: the script nests too deeply for the compiler's stack");
        } catch (OutOfMemoryError e) {
            err.println("stapvm: internal error: out of memory");
        } catch (RuntimeException | Error e) {
            StackTraceElement[] where = e.getStackTrace();
            err.println("stapvm: internal error: " + e + (where.length > 0 ? " at " + where[0] : ""));
        }
        return 1;
    }

    static int run(String[] commandLine, PrintStream out, PrintStream err) {
        // as stap: the rc file's words come first, so that the command line's own follow (and win)
        String rcFile = RcFile.path();
        java.util.List<String> rcWords;
        try {
            rcWords = RcFile.words(rcFile);
        } catch (RcFile.Malformed e) {
            err.print(e.getMessage());
            return 1;
        }
        java.util.List<String> all = new java.util.ArrayList<>(rcWords);
        all.addAll(java.util.List.of(commandLine));
        String[] args = all.toArray(new String[0]);
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        cli.setUnmatchedOptionsArePositionalParams(false);
        cli.setOverwrittenOptionsAllowed(true); // as getopt: a later -p 4 replaces -p 2
        String refused = GetoptCheck.refused(cli.getCommandSpec(), args);
        if (refused != null) {
            err.print(refused);
            return 1;
        }
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("stapvm: " + e.getMessage());
            err.println("Try 'stapvm --help' for more information.");
            return 1;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            out.println(Version.TEXT);
            return 0;
        }
        if (options.lastPass < 1 || options.lastPass > 5) {
            err.println("Invalid pass number (should be 1-5).");
            return 1;
        }
        if (!rcWords.isEmpty() && options.verbosity() > 1) {
            err.println("Extra options in " + rcFile + ": " + rcWords.size());
        }
        String invalid = options.invalid();
        if (invalid != null) {
            err.print(invalid);
            return 1;
        }
        if (options.cleanCache) {
            CacheCleaner.clean(true);
            if (options.positionals.isEmpty() && options.script == null) {
                return 0;
            }
        }
        if (options.signModule != null) {
            return SignCommand.signExisting(options, out, err);
        }
        if (options.bundle != null) {
            return BundleCommand.run(options, out, err);
        }
        if (options.dumpProbeTypes) {
            org.stapvm.probes.ProbeProviders.standard().types().forEach(out::println);
            return 0;
        }
        if (options.dumpFunctions) {
            return LibraryDump.functions(options, out);
        }
        if (options.dumpProbeAliases) {
            return LibraryDump.aliases(options, out);
        }
        String listing = options.listingPattern();
        if (listing != null) {
            // stap's listing mode: the pattern becomes a probe with an empty body, elaborated up to pass 2
            options.lastPass = 2;
            return new Session(options, new SourceFile("<input>", "probe " + listing + " {}"), out, err, null).run();
        }
        SourceFile input;
        try {
            input = ScriptInput.from(options);
        } catch (NoSuchFileException e) {
            err.println("Input file '" + e.getFile() + "' is missing.");
            err.println("Pass 1: parse failed.  [man error::pass1]");
            return 1;
        } catch (ScriptInput.NotAnExample e) {
            err.println("Example '" + e.getMessage() + "' was not found under '" + ScriptInput.EXAMPLES + "'");
            return 1;
        } catch (ScriptInput.TooLarge e) {
            err.println("Input file '" + e.getMessage() + "' is larger than stapvm reads ("
                    + (ScriptInput.MAX_SCRIPT >> 20) + " MiB).");
            err.println("Pass 1: parse failed.  [man error::pass1]");
            return 1;
        } catch (IOException e) {
            err.println("Input file '" + options.positionals.get(0) + "' could not be read: " + e.getMessage());
            err.println("Pass 1: parse failed.  [man error::pass1]");
            return 1;
        }
        if (input == null) {
            err.println("A script must be specified.");
            err.println("Try 'stapvm --help' for more information.");
            return 1;
        }
        CompileCache cache = CompileCache.requested(options);
        return new Session(options, input, out, cache == null ? err : cache.tee(err), cache).run();
    }
}

package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.stapvm.cli.bundle.BundleFile;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.pp.HostKernel;

/**
 * --bundle FILE: each script given compiled (pass 4, verified) for each -r, signed with --sign's key
 * when given, and written with the bundle's metadata into FILE, itself signed (docs/bundles.md).
 */
final class BundleCommand {
    private BundleCommand() {}

    static int run(Options options, PrintStream out, PrintStream err) {
        if (options.positionals.isEmpty()) {
            err.println("stapvm: --bundle needs the script files to put in it");
            return 1;
        }
        List<String> releases = new ArrayList<>(new LinkedHashSet<>(options.kernelReleases));
        if (releases.isEmpty()) {
            releases.add(HostKernel.release());
        }
        List<String> scripts = List.copyOf(options.positionals);
        List<BundleFile.Entry> entries = new ArrayList<>();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        options.lastPass = 4;
        for (String script : scripts) {
            String name = scriptName(script);
            if (!names.add(name)) {
                err.println("stapvm: two scripts of the bundle are named " + name + " (" + script + ")");
                return 1;
            }
            SourceFile file;
            try {
                file = SourceFile.read(Path.of(script));
            } catch (NoSuchFileException e) {
                err.println("Input file '" + script + "' is missing.");
                return 1;
            } catch (IOException e) {
                err.println("Input file '" + script + "' could not be read: " + e.getMessage());
                return 1;
            }
            // SourceFile keeps the file's bytes one char each (Latin-1): they are what the hash covers
            byte[] sourceSha256 = sha256(file.text().getBytes(StandardCharsets.ISO_8859_1));
            for (String release : releases) {
                byte[][] module = new byte[1][];
                options.positionals = List.of(script);
                options.kernelRelease = release;
                options.moduleName = name;
                int rc = new Session(options, file, out, err, null).to(bytes -> {
                    module[0] = bytes;
                    return 0;
                }).run();
                if (rc != 0 || module[0] == null) {
                    err.println("stapvm: bundle " + options.bundle + " not written: " + script + " did not compile for " + release);
                    return 1;
                }
                byte[] bytes = options.signKey == null ? module[0] : SignCommand.sign(options, module[0], err);
                if (bytes == null) {
                    return 1;
                }
                entries.add(new BundleFile.Entry(name, release, sourceSha256, bytes));
            }
        }
        byte[] bundle = BundleFile.write(metadata(options), entries);
        if (options.signKey != null && (bundle = SignCommand.sign(options, bundle, err)) == null) {
            return 1;
        }
        return write(Path.of(options.bundle), bundle, out, err);
    }

    /** The script's name in the bundle: its file name without ".stp". */
    static String scriptName(String path) {
        String base = Path.of(path).getFileName().toString();
        return base.endsWith(".stp") && base.length() > 4 ? base.substring(0, base.length() - 4) : base;
    }

    private static Map<String, String> metadata(Options options) {
        Map<String, String> m = new LinkedHashMap<>();
        String file = Path.of(options.bundle).getFileName().toString();
        int dot = file.lastIndexOf('.');
        m.put("name", options.bundleName != null ? options.bundleName : dot > 0 ? file.substring(0, dot) : file);
        m.put("version", options.bundleVersion);
        m.put("built-by", System.getProperty("user.name") + "@" + hostName());
        m.put("built-on", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("compiler", Version.TEXT);
        return m;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** FILE written whole, its name printed as -p4 prints its module's. */
    private static int write(Path file, byte[] bytes, PrintStream out, PrintStream err) {
        try {
            AtomicWrite.write(file, bytes, ".writing");
        } catch (IOException e) {
            err.println("stapvm: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println(file);
        return 0;
    }
}

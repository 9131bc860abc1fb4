package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** --bundle and stapvm-run's bundles: several vetted scripts in one signed file, listed and run one at a time. */
class BundleCommandTest {
    private static final Path RUN = StapvmCommand.ROOT.resolve("runtime-native/user/build/stapvm-run");
    private static final String HELLO = "probe begin { print(\"hello\\n\"); exit() }\n";
    private static final String COUNT = "global n\nprobe timer.ms(10) { if (++n == 3) exit() }\nprobe end { printf(\"n=%d\\n\", n) }\n";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void bundles() throws Exception {
        assumeTrue(Files.isExecutable(RUN), "stapvm-run not built");
        Files.writeString(tmp.resolve("hello.stp"), HELLO);
        Files.writeString(tmp.resolve("count.stp"), COUNT);
        tool(StapvmCommand.ROOT.resolve("bin/stapvm-genkey").toString(), tmp.resolve("key").toString());
        tool(StapvmCommand.ROOT.resolve("bin/stapvm-genkey").toString(), tmp.resolve("other").toString());
        Files.createDirectories(tmp.resolve("trust"));
        Files.copy(tmp.resolve("key.x509"), tmp.resolve("trust/key.x509"));
        Result signed = stapvm("--bundle", "ops.stpbundle", "--bundle-version", "1.2", "--sign", "key.pem",
                "-r", "6.1.0-57-amd64", "-r", "9.9.9-test", "hello.stp", "count.stp");
        assertEquals(new Result("ops.stpbundle\n", "", 0), signed);
        assertEquals(0, stapvm("--bundle", "plain.stpbundle", "--bundle-name", "plain tools", "--bundle-version", "0.1",
                "-r", "9.9.9-test", "hello.stp").exitCode());
        assertEquals(0, stapvm("--bundle", "theirs.stpbundle", "--bundle-version", "1", "--sign", "other.pem",
                "-r", "9.9.9-test", "hello.stp").exitCode());
    }

    private static Result stapvm(String... args) throws Exception {
        StapvmCommand c = new StapvmCommand(tmp);
        return c.finish(c.builder(List.of(args)).directory(tmp.toFile()).start());
    }

    /** stapvm-run with these arguments in tmp: its output, error and status. */
    private static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(RUN.toString()));
        cmd.addAll(List.of(args));
        return tool(cmd.toArray(new String[0]));
    }

    private static Result tool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd[0] + " did not end");
        return new Result(out, err, p.exitValue());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void listShowsTheMetadataTheSignatureAndEachScriptPerKernel() throws Exception {
        Result r = run("--trust", "trust", "--list", "ops.stpbundle");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(11, lines.length, r.stdout());
        assertEquals("name: ops", lines[0]);
        assertEquals("version: 1.2", lines[1]);
        assertTrue(lines[2].matches("built-by: " + Pattern.quote(System.getProperty("user.name")) + "@.+"), lines[2]);
        assertTrue(lines[3].matches("built-on: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines[3]);
        assertEquals("compiler: " + Version.TEXT, lines[4]);
        assertEquals("signature: verified against trust", lines[5]);
        assertEquals("scripts:", lines[6]);
        String hello = sha256(HELLO), count = sha256(COUNT);
        assertTrue(lines[7].matches("  hello  kernel 6\\.1\\.0-57-amd64  source sha256 " + hello + "  \\d+ bytes, signed"), lines[7]);
        assertTrue(lines[8].matches("  hello  kernel 9\\.9\\.9-test  source sha256 " + hello + "  \\d+ bytes, signed"), lines[8]);
        assertTrue(lines[9].matches("  count  kernel 6\\.1\\.0-57-amd64  source sha256 " + count + "  \\d+ bytes, signed"), lines[9]);
        assertTrue(lines[10].matches("  count  kernel 9\\.9\\.9-test  source sha256 " + count + "  \\d+ bytes, signed"), lines[10]);
        Result plain = run("--list", "plain.stpbundle");
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertTrue(plain.stdout().startsWith("name: plain tools\nversion: 0.1\n"), plain.stdout());
        assertTrue(plain.stdout().contains("\nsignature: none\nscripts:\n  hello  kernel 9.9.9-test  source sha256 " + hello), plain.stdout());
        assertTrue(plain.stdout().endsWith(" bytes, unsigned\n"), plain.stdout());
    }

    @Test
    void aScriptRunsByItsNameWithTheRunsOptionsBeforeOrAfterIt() throws Exception {
        assertEquals(new Result("hello\n", "", 0), run("--runtime=user", "--trust", "trust", "--require-signed", "ops.stpbundle", "hello"));
        assertEquals(new Result("n=3\n", "", 0), run("--runtime=user", "ops.stpbundle", "count", "-T", "5"));
        assertEquals(new Result("hello\n", "", 0), run("--runtime=user", "plain.stpbundle", "hello"));
    }

    @Test
    void theKernelRuntimeNeedsAModuleCompiledForThisKernel() throws Exception {
        String release = tool("uname", "-r").stdout().trim();
        assumeTrue(!release.equals("9.9.9-test"));
        Result r = run("--runtime=kernel", "plain.stpbundle", "hello");
        assertEquals(new Result("", "ERROR: bundle plain.stpbundle's script 'hello' was compiled for kernel 9.9.9-test; this kernel is "
                + release + " (compile it with -r " + release + ")\n", 1), r);
    }

    @Test
    void tamperedUntrustedAndUnsignedBundlesAreRefused() throws Exception {
        byte[] b = Files.readAllBytes(tmp.resolve("ops.stpbundle"));
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("version: 1.2") + "version: 1.".length();
        b[at] = '3';
        Files.write(tmp.resolve("tampered.stpbundle"), b);
        assertEquals(new Result("", "ERROR: module tampered.stpbundle rejected: bad signature: the signature does not match the module's bytes\n", 1),
                run("--runtime=user", "--trust", "trust", "tampered.stpbundle", "hello"));
        assertEquals(1, run("--trust", "trust", "--list", "tampered.stpbundle").exitCode());
        Result theirs = run("--runtime=user", "--trust", "trust", "theirs.stpbundle", "hello");
        assertEquals(1, theirs.exitCode());
        assertTrue(theirs.stderr().startsWith("ERROR: module theirs.stpbundle rejected: unknown key: the signer (issuer /CN=stapvm signing key, serial "),
                theirs.stderr());
        assertEquals(new Result("", "ERROR: module plain.stpbundle rejected: unsigned: --require-signed and the module carries no signature (stapvm --sign)\n", 1),
                run("--runtime=user", "--require-signed", "plain.stpbundle", "hello"));
        byte[] cut = Files.readAllBytes(tmp.resolve("plain.stpbundle"));
        Files.write(tmp.resolve("cut.stpbundle"), java.util.Arrays.copyOf(cut, cut.length - 100));
        Result c = run("--runtime=user", "cut.stpbundle", "hello");
        assertEquals(1, c.exitCode());
        assertTrue(c.stderr().startsWith("ERROR: cut.stpbundle: "), c.stderr());
    }

    @Test
    void stapvmRunNamesWhatIsWrongWithTheCommandLine() throws Exception {
        assertEquals(new Result("", "ERROR: bundle ops.stpbundle has no script 'nope'; it has: hello, hello, count, count\n", 1),
                run("--runtime=user", "ops.stpbundle", "nope"));
        assertEquals(new Result("", "stapvm-run: ops.stpbundle is a bundle: name one of its scripts (stapvm-run --list ops.stpbundle)\n", 1),
                run("ops.stpbundle"));
        assertEquals(new Result("", "stapvm-run: 'extra' follows ops.stpbundle:count: a bundle's scripts are compiled with their arguments\n", 1),
                run("ops.stpbundle", "count", "extra"));
        assertEquals(0, stapvm("-p4", "-m", "single", "hello.stp").exitCode());
        assertEquals(new Result("", "ERROR: single.stpb is not a bundle (a module file: stapvm -p4; bundles: stapvm --bundle)\n", 1),
                run("--list", "single.stpb"));
    }

    @Test
    void stapvmRefusesIncompleteBundleOptionsAndWritesNothingWhenAScriptFails() throws Exception {
        assertEquals(new Result("", "stapvm: --bundle needs --bundle-version VERSION\n", 1), stapvm("--bundle", "x.stpbundle", "hello.stp"));
        assertEquals(new Result("", "stapvm: --bundle-name and --bundle-version need --bundle FILE\n", 1),
                stapvm("--bundle-version", "1", "hello.stp"));
        assertEquals(new Result("", "stapvm: --bundle-name and --bundle-version are one line each\n", 1),
                stapvm("--bundle", "x.stpbundle", "--bundle-version", "1\nbuilt-by: someone else", "hello.stp"));
        assertEquals(new Result("", "stapvm: --bundle needs the script files to put in it\n", 1),
                stapvm("--bundle", "x.stpbundle", "--bundle-version", "1"));
        Files.createDirectories(tmp.resolve("again"));
        Files.writeString(tmp.resolve("again/hello.stp"), HELLO);
        assertEquals(new Result("", "stapvm: two scripts of the bundle are named hello (again/hello.stp)\n", 1),
                stapvm("--bundle", "x.stpbundle", "--bundle-version", "1", "hello.stp", "again/hello.stp"));
        Files.writeString(tmp.resolve("broken.stp"), "probe begin { x = }\n");
        Result r = stapvm("--bundle", "x.stpbundle", "--bundle-version", "1", "-r", "9.9.9-test", "hello.stp", "broken.stp");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().endsWith("stapvm: bundle x.stpbundle not written: broken.stp did not compile for 9.9.9-test\n"), r.stderr());
        assertTrue(r.stderr().contains("broken.stp:1:19"), r.stderr());
        assertFalse(Files.exists(tmp.resolve("x.stpbundle")));
    }
}

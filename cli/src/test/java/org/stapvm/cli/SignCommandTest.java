package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;
import org.stapvm.cli.sign.SignatureTrailer;

/** --sign and --sign-module: the signed .stpb is what the kernel's sign-file would write, and openssl verifies it. */
class SignCommandTest {
    private static final String SCRIPT = "probe begin { print(\"signed\\n\"); exit() }";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void keys() throws Exception {
        run(tmp, StapvmCommand.ROOT.resolve("bin/stapvm-genkey").toString(), tmp.resolve("key").toString());
        run(tmp, StapvmCommand.ROOT.resolve("bin/stapvm-genkey").toString(), tmp.resolve("other").toString());
    }

    private static Result stapvm(String... args) throws Exception {
        StapvmCommand c = new StapvmCommand(tmp);
        return c.finish(c.builder(List.of(args)).directory(tmp.toFile()).start());
    }

    /** Runs a tool in dir; its exit status, output and error in one text. */
    private static Result run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd[0] + " did not end");
        return new Result(text, "", p.exitValue());
    }

    /** openssl's verdict on file's signature against cert (no chain: the kernel checks none either). */
    private static Result opensslVerify(Path file, String cert) throws Exception {
        SignatureTrailer.Parts parts = SignatureTrailer.split(Files.readAllBytes(file));
        Path content = tmp.resolve("content"), sig = tmp.resolve("sig.der");
        Files.write(content, parts.module());
        Files.write(sig, parts.cms());
        return run(tmp, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(),
                "-content", content.toString(), "-certfile", tmp.resolve(cert).toString(), "-nointern",
                "-noverify", "-out", "/dev/null");
    }

    @Test
    void signedModuleVerifiesWithOpenssl() throws Exception {
        Result r = stapvm("-p4", "-m", "signed", "--sign", "key.pem", "-e", SCRIPT);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("signed.stpb\n", r.stdout());
        Result ok = opensslVerify(tmp.resolve("signed.stpb"), "key.pem");
        assertEquals(0, ok.exitCode(), ok.stdout());
        assertTrue(ok.stdout().contains("Verification successful"), ok.stdout());
        Result other = opensslVerify(tmp.resolve("signed.stpb"), "other.pem");
        assertNotEquals(0, other.exitCode(), other.stdout());
    }

    @Test
    void flippedByteFailsVerification() throws Exception {
        assertEquals(0, stapvm("-p4", "-m", "flipped", "--sign", "key.pem", "-e", SCRIPT).exitCode());
        Path f = tmp.resolve("flipped.stpb");
        byte[] b = Files.readAllBytes(f);
        b[20] ^= 1;
        Files.write(f, b);
        Result r = opensslVerify(f, "key.pem");
        assertNotEquals(0, r.exitCode(), r.stdout());
        assertTrue(r.stdout().contains("Verification failure"), r.stdout());
    }

    /** The same key signs the same bytes as scripts/sign-file: RSA PKCS#1 v1.5 is deterministic, so the signature is the same. */
    @Test
    void matchesTheKernelsSignFile() throws Exception {
        Path signFile = Files.exists(Path.of("/usr/lib/linux-kbuild-6.1/scripts/sign-file"))
                ? Path.of("/usr/lib/linux-kbuild-6.1/scripts/sign-file")
                : Files.list(Path.of("/usr/src")).map(d -> d.resolve("scripts/sign-file")).filter(Files::isExecutable)
                        .findFirst().orElse(null);
        assumeTrue(signFile != null, "no scripts/sign-file of a kernel headers package on this machine");
        assertEquals(0, stapvm("-p4", "-m", "plain", "-e", SCRIPT).exitCode());
        assertEquals(0, stapvm("-p4", "-m", "ours", "--sign", "key.pem", "-e", SCRIPT).exitCode());
        Result k = run(tmp, signFile.toString(), "sha256", "key.pem", "key.pem", "plain.stpb", "kernel.stpb");
        assertEquals(0, k.exitCode(), k.stdout());
        byte[] plain = Files.readAllBytes(tmp.resolve("plain.stpb"));
        byte[] ours = Files.readAllBytes(tmp.resolve("ours.stpb"));
        byte[] kernel = Files.readAllBytes(tmp.resolve("kernel.stpb"));
        SignatureTrailer.Parts o = SignatureTrailer.split(ours), s = SignatureTrailer.split(kernel);
        assertArrayEquals(plain, o.module());
        assertArrayEquals(plain, s.module());
        int trailer = SignatureTrailer.INFO_SIZE + SignatureTrailer.MAGIC.length;
        assertArrayEquals(Arrays.copyOfRange(kernel, kernel.length - trailer, kernel.length - trailer + 8),
                Arrays.copyOfRange(ours, ours.length - trailer, ours.length - trailer + 8), "struct module_signature");
        SignerInformation so = new CMSSignedData(o.cms()).getSignerInfos().getSigners().iterator().next();
        SignerInformation ss = new CMSSignedData(s.cms()).getSignerInfos().getSigners().iterator().next();
        assertEquals(ss.getSID(), so.getSID(), "issuer and serial number");
        assertEquals(ss.getDigestAlgOID(), so.getDigestAlgOID());
        assertEquals(ss.getEncryptionAlgOID(), so.getEncryptionAlgOID());
        assertEquals(null, so.getSignedAttributes());
        assertEquals(null, ss.getSignedAttributes());
        assertArrayEquals(ss.getSignature(), so.getSignature());
        assertTrue(new CMSSignedData(o.cms()).getCertificates().getMatches(null).isEmpty(), "no certificates carried");
        assertArrayEquals(kernel, ours, "the whole signed file");
    }

    @Test
    void signModuleSignsAnExistingFileAndReplacesASignature() throws Exception {
        assertEquals(0, stapvm("-p4", "-m", "later", "-e", SCRIPT).exitCode());
        assertEquals(0, stapvm("-p4", "-m", "direct", "--sign", "key.pem", "-e", SCRIPT).exitCode());
        Result r = stapvm("--sign", "key.pem", "--sign-module", "later.stpb");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("later.stpb\n", r.stdout());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("direct.stpb")), Files.readAllBytes(tmp.resolve("later.stpb")));
        // re-signed with another key: one signature, the new one
        assertEquals(0, stapvm("--sign", "other.pem", "--sign-module", "later.stpb").exitCode());
        assertEquals(0, opensslVerify(tmp.resolve("later.stpb"), "other.pem").exitCode());
        assertArrayEquals(SignatureTrailer.split(Files.readAllBytes(tmp.resolve("direct.stpb"))).module(),
                SignatureTrailer.split(Files.readAllBytes(tmp.resolve("later.stpb"))).module());
    }

    /** What stapvm --sign writes is what stapvm-run --trust accepts, and it refuses the module signed by another key. */
    @Test
    void stapvmRunTrustsTheSignerOnly() throws Exception {
        Path run = StapvmCommand.ROOT.resolve("runtime-native/user/build/stapvm-run");
        assumeTrue(Files.isExecutable(run), "stapvm-run not built");
        assertEquals(0, stapvm("-p4", "-m", "mine", "--sign", "key.pem", "-e", SCRIPT).exitCode());
        assertEquals(0, stapvm("-p4", "-m", "theirs", "--sign", "other.pem", "-e", SCRIPT).exitCode());
        Path trust = Files.createDirectories(tmp.resolve("trusted.d"));
        Files.copy(tmp.resolve("key.x509"), trust.resolve("key.x509"));
        Result ok = run(tmp, run.toString(), "--runtime=user", "--trust", trust.toString(), "--require-signed", "mine.stpb");
        assertEquals(new Result("signed\n", "", 0), ok);
        Result refused = run(tmp, run.toString(), "--runtime=user", "--trust", trust.toString(), "theirs.stpb");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.stdout().startsWith("ERROR: module theirs.stpb rejected: unknown key: the signer (issuer /CN=stapvm signing key, serial "),
                refused.stdout());
    }

    /** Pass 5 with --sign: the userspace runtime runs the module (stapvm.ko would get it signed: the guest test). */
    @Test
    void signAtPassFiveRuns() throws Exception {
        Result r = stapvm("--runtime=user", "--sign", "key.pem", "-e", SCRIPT);
        assertEquals(new Result("signed\n", "", 0), r);
    }

    /** An EC key signs with ecdsa-with-SHA256, as sign-file does with one (ECDSA is randomized: the structure is compared). */
    @Test
    void ecKeysSignAsSignFileDoes() throws Exception {
        Result k = run(tmp, "openssl", "req", "-new", "-nodes", "-x509", "-batch", "-days", "3650", "-subj", "/CN=stapvm ec key",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-addext", "keyUsage=digitalSignature",
                "-keyout", "ec.pem", "-out", "ec.crt");
        assertEquals(0, k.exitCode(), k.stdout());
        assertEquals(0, stapvm("-p4", "-m", "ec", "--sign", "ec.pem", "--sign-cert", "ec.crt", "-e", SCRIPT).exitCode());
        Result ok = opensslVerify(tmp.resolve("ec.stpb"), "ec.crt");
        assertEquals(0, ok.exitCode(), ok.stdout());
        SignerInformation si = new CMSSignedData(SignatureTrailer.split(Files.readAllBytes(tmp.resolve("ec.stpb"))).cms())
                .getSignerInfos().getSigners().iterator().next();
        assertEquals("1.2.840.10045.4.3.2", si.getEncryptionAlgOID()); // ecdsa-with-SHA256
        assertEquals(null, si.getSignedAttributes());
    }

    @Test
    void badKeysAndOptionsAreClearErrors() throws Exception {
        Files.writeString(tmp.resolve("junk.pem"), "not a key\n");
        Result junk = stapvm("-p4", "-m", "junk", "--sign", "junk.pem", "-e", SCRIPT);
        assertEquals(1, junk.exitCode());
        assertEquals("stapvm: junk.pem: no private key in the file (PEM expected)\n"
                + "Pass 4: compilation failed.  [man error::pass4]\n", junk.stderr());
        assertTrue(Files.notExists(tmp.resolve("junk.stpb")));
        Result missing = stapvm("-p4", "--sign", "nosuch.pem", "-e", SCRIPT);
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().startsWith("stapvm: cannot read nosuch.pem: "), missing.stderr());
        Result pass3 = stapvm("-p3", "--sign", "key.pem", "-e", SCRIPT);
        assertEquals(1, pass3.exitCode());
        assertEquals("stapvm: --sign signs the module of pass 4 or 5 (or an existing one: --sign-module FILE.stpb)\n", pass3.stderr());
        Result badKeyAtRun = stapvm("--runtime=user", "--sign", "junk.pem", "-e", SCRIPT);
        assertEquals(1, badKeyAtRun.exitCode());
        assertEquals("stapvm: junk.pem: no private key in the file (PEM expected)\nPass 5: run failed.  [man error::pass5]\n",
                badKeyAtRun.stderr());
        // a trailer that does not describe the file is not signed over again
        byte[] bad = SignatureTrailer.append(new byte[] {1, 2, 3}, new byte[] {4, 5});
        bad[bad.length - SignatureTrailer.MAGIC.length - 1] = 99; // sig_len 99 > what precedes
        Files.write(tmp.resolve("bad.stpb"), bad);
        Result malformed = stapvm("--sign", "key.pem", "--sign-module", "bad.stpb");
        assertEquals(1, malformed.exitCode());
        assertEquals("stapvm: the module's present signature is malformed (signature length 99 exceeds the file)\n", malformed.stderr());
        assertArrayEquals(bad, Files.readAllBytes(tmp.resolve("bad.stpb")), "left as it was");
        Result noKey = stapvm("--sign-module", "x.stpb");
        assertEquals(1, noKey.exitCode());
        assertEquals("stapvm: --sign-cert and --sign-module need --sign KEY.pem\n", noKey.stderr());
    }
}

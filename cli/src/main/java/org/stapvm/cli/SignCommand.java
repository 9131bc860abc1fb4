package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stapvm.cli.sign.ModuleSigner;

/** --sign: the -p4 module signed on its way to disk, or (--sign-module) an existing module signed in place. */
final class SignCommand {
    private SignCommand() {}

    /** bytes signed with --sign's key, or null with the reason printed. */
    static byte[] sign(Options options, byte[] bytes, PrintStream err) {
        try {
            return signer(options).signedFile(bytes);
        } catch (ModuleSigner.Refused e) {
            err.println("stapvm: " + e.getMessage());
            return null;
        }
    }

    /** --sign-module FILE: replaces FILE by its signed form (written beside it, then renamed over it). */
    static int signExisting(Options options, PrintStream out, PrintStream err) {
        Path file = Path.of(options.signModule);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("stapvm: cannot read module " + file + ": " + e.getMessage());
            return 1;
        }
        byte[] signed = sign(options, bytes, err);
        if (signed == null) {
            return 1;
        }
        try {
            AtomicWrite.write(file, signed, ".signing");
        } catch (IOException e) {
            err.println("stapvm: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println(file);
        return 0;
    }

    private static ModuleSigner signer(Options options) throws ModuleSigner.Refused {
        return ModuleSigner.load(Path.of(options.signKey), options.signCert == null ? null : Path.of(options.signCert));
    }
}

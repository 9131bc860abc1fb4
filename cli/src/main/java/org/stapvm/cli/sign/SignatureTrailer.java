package org.stapvm.cli.sign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.stapvm.compiler.module.ModuleFormat;

/**
 * The kernel's module-signature trailer (include/linux/module_signature.h, as scripts/sign-file
 * writes it): module bytes, then the PKCS#7 DER, then a 12-byte {@code struct module_signature}
 * (algo, hash, id_type = PKEY_ID_PKCS7, signer_len, key_id_len, 3 bytes pad, big-endian sig_len),
 * then the magic. The layout is the kernel's ABI, not ours; its numbers are format.def's
 * SIGNATURE_TRAILER row (ModuleFormat), which runtime-native/vm/modsig.h reads the same file by.
 */
public final class SignatureTrailer {
    public static final byte[] MAGIC = ModuleFormat.SIGNATURE_MAGIC.getBytes(StandardCharsets.US_ASCII);
    /** sizeof(struct module_signature). */
    public static final int INFO_SIZE = ModuleFormat.SIGNATURE_INFO_BYTES;
    /** id_type of a PKCS#7 signature; the other fields of the struct are 0 for it. */
    public static final int PKEY_ID_PKCS7 = ModuleFormat.SIGNATURE_PKEY_ID_PKCS7;

    private SignatureTrailer() {}

    /** module || cms || struct module_signature || magic. */
    public static byte[] append(byte[] module, byte[] cms) {
        ByteBuffer b = ByteBuffer.allocate(module.length + cms.length + INFO_SIZE + MAGIC.length);
        b.put(module).put(cms);
        b.put(new byte[] {0, 0, (byte) PKEY_ID_PKCS7, 0, 0, 0, 0, 0});
        b.putInt(cms.length); // ByteBuffer is big-endian, as sig_len is
        b.put(MAGIC);
        return b.array();
    }

    /** Whether the file ends with the magic. */
    public static boolean isSigned(byte[] file) {
        return file.length >= MAGIC.length
                && Arrays.equals(file, file.length - MAGIC.length, file.length, MAGIC, 0, MAGIC.length);
    }

    /** A signed file split in its parts. */
    public record Parts(byte[] module, byte[] cms) {}

    /** Splits a signed file; a trailer that does not describe the file is refused with why. */
    public static Parts split(byte[] file) throws Malformed {
        if (!isSigned(file)) {
            throw new Malformed("no module signature");
        }
        int infoAt = file.length - MAGIC.length - INFO_SIZE;
        if (infoAt < 0) {
            throw new Malformed("signature trailer truncated");
        }
        ByteBuffer info = ByteBuffer.wrap(file, infoAt, INFO_SIZE);
        byte algo = info.get(), hash = info.get(), idType = info.get(), signerLen = info.get(), keyIdLen = info.get();
        info.position(info.position() + 3);
        long sigLen = info.getInt() & 0xffffffffL;
        if (idType != PKEY_ID_PKCS7 || algo != 0 || hash != 0 || signerLen != 0 || keyIdLen != 0) {
            throw new Malformed("signature is not PKCS#7 (id_type " + idType + ")");
        }
        if (sigLen == 0 || sigLen > infoAt) {
            throw new Malformed("signature length " + sigLen + " exceeds the file");
        }
        int cmsAt = infoAt - (int) sigLen;
        return new Parts(Arrays.copyOfRange(file, 0, cmsAt), Arrays.copyOfRange(file, cmsAt, infoAt));
    }

    /** A trailer that is there but does not describe the file. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }
}

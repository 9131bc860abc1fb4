package org.stapvm.probes.btf;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.SingleXZInputStream;

/**
 * The vmlinux ELF image inside an x86 bzImage ({@code /boot/vmlinuz-KVER}): the boot protocol's
 * setup header gives the compressed payload (payload_offset/payload_length, protocol 2.08+),
 * whose last four bytes are the uncompressed size; Debian compresses it with xz, other
 * distributions with zstd or gzip, told apart by their magic.
 */
final class BzImage {
    private BzImage() {}

    static byte[] vmlinux(byte[] image) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (image.length < 0x250 || b.getInt(0x202) != 0x53726448) { // "HdrS"
            throw new BtfFormatException("not a bzImage (no boot protocol header)");
        }
        if (Short.toUnsignedInt(b.getShort(0x206)) < 0x208) {
            throw new BtfFormatException("bzImage boot protocol too old to locate its payload");
        }
        int setupSects = image[0x1f1] & 0xff;
        long start = (long) (setupSects == 0 ? 4 : setupSects) * 512 + 512 + Integer.toUnsignedLong(b.getInt(0x248));
        long len = Integer.toUnsignedLong(b.getInt(0x24c));
        if (start + len > image.length || len < 8) {
            throw new BtfFormatException("bzImage payload out of bounds");
        }
        int p = (int) start;
        int size = b.getInt(p + (int) len - 4);
        if (size <= 0) {
            throw new BtfFormatException("bzImage payload has no size");
        }
        ByteArrayInputStream raw = new ByteArrayInputStream(image, p, (int) len);
        try (InputStream in = decompressor(image, p, raw)) {
            byte[] out = new byte[size];
            int n = 0;
            while (n < size) {
                int r = in.read(out, n, size - n);
                if (r < 0) {
                    throw new BtfFormatException("bzImage payload ends early");
                }
                n += r;
            }
            return out;
        }
    }

    private static InputStream decompressor(byte[] d, int p, InputStream raw) throws IOException {
        if ((d[p] & 0xff) == 0xfd && d[p + 1] == '7' && d[p + 2] == 'z' && d[p + 3] == 'X' && d[p + 4] == 'Z') {
            return new SingleXZInputStream(raw);
        }
        if ((d[p] & 0xff) == 0x28 && (d[p + 1] & 0xff) == 0xb5 && (d[p + 2] & 0xff) == 0x2f && (d[p + 3] & 0xff) == 0xfd) {
            return new ZstdInputStream(raw);
        }
        if ((d[p] & 0xff) == 0x1f && (d[p + 1] & 0xff) == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        throw new BtfFormatException(String.format("bzImage payload compressed with an unsupported method (magic %02x %02x)",
                d[p] & 0xff, d[p + 1] & 0xff));
    }
}

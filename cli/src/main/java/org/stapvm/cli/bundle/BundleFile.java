package org.stapvm.cli.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.module.ModuleFormat;

/**
 * A bundle's bytes (runtime-native/vm/format.def's BUNDLE rows, docs/bundles.md): the header, each
 * entry's record, script name, kernel release and module file, then the metadata as "key: value"
 * lines. Signing appends the module signature trailer over all of it, as for one module: the
 * metadata last keeps an entry's own signature from looking like the bundle's.
 */
public final class BundleFile {
    private BundleFile() {}

    /** One compiled script: its name, the kernel release it was compiled for, its source's sha256, the module file. */
    public record Entry(String script, String kernelRelease, byte[] sourceSha256, byte[] module) {
        public Entry {
            if (sourceSha256.length != 32) {
                throw new IllegalArgumentException("a sha256 is 32 bytes");
            }
        }
    }

    /** The bundle of these entries; metadata keys and values are one line each. */
    public static byte[] write(Map<String, String> metadata, List<Entry> entries) {
        StringBuilder meta = new StringBuilder();
        metadata.forEach((k, v) -> {
            if (k.contains(":") || k.contains("\n") || v.contains("\n")) {
                throw new IllegalArgumentException("metadata is one line per key: " + k);
            }
            meta.append(k).append(": ").append(v).append('\n');
        });
        byte[] metaBytes = meta.toString().getBytes(StandardCharsets.UTF_8);
        if (meta.toString().endsWith(ModuleFormat.SIGNATURE_MAGIC) || metaBytes.length == 0) {
            throw new IllegalArgumentException("the metadata must end the bundle without looking like a signature");
        }
        if (entries.size() > 0xffff) {
            throw new IllegalArgumentException("a bundle holds at most 65535 modules");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = le(ModuleFormat.BUNDLE_HEADER_BYTES);
        header.put(ModuleFormat.BUNDLE_MAGIC.getBytes(StandardCharsets.US_ASCII));
        header.putShort((short) ModuleFormat.BUNDLE_VERSION).putShort((short) entries.size()).putInt(metaBytes.length);
        out.writeBytes(header.array());
        for (Entry e : entries) {
            byte[] name = e.script().getBytes(StandardCharsets.UTF_8);
            byte[] release = e.kernelRelease().getBytes(StandardCharsets.UTF_8);
            ByteBuffer record = le(ModuleFormat.BUNDLE_ENTRY_BYTES);
            record.putInt(name.length).putInt(release.length).putInt(e.module().length).putInt(0).put(e.sourceSha256());
            out.writeBytes(record.array());
            out.writeBytes(name);
            out.writeBytes(release);
            out.writeBytes(e.module());
        }
        out.writeBytes(metaBytes);
        return out.toByteArray();
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}

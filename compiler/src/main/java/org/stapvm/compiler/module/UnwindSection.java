package org.stapvm.compiler.module;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stapvm.probes.dwarf.UnwindRows;

/**
 * The unwind section (ModuleFormat.Section.UNWIND, docs/bytecode.md): per file its path and its unwind rows, appended to
 * written module bytes, so the runtimes unwind user stacks by CFI. The section is optional and last.
 */
public final class UnwindSection {
    static final int ID = ModuleFormat.Section.UNWIND.id;

    private UnwindSection() {}

    /** {@code module} with the section for {@code files} after its sections; {@code module} itself when there are none. */
    public static byte[] append(byte[] module, List<UnwindRows> files) {
        if (files.isEmpty()) {
            return module;
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(u32(files.size()));
        for (UnwindRows f : files) {
            byte[] path = f.path().getBytes(StandardCharsets.UTF_8);
            payload.writeBytes(u32(path.length));
            payload.writeBytes(path);
            payload.writeBytes(u32(f.count()));
            payload.writeBytes(f.rows());
        }
        return appendSection(module, ID, payload.toByteArray());
    }

    /** {@code module} with one more section, {@code id} holding {@code payload}, after its others. */
    static byte[] appendSection(byte[] module, int id, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(module, 0, module.length);
        out.writeBytes(u32(id));
        out.writeBytes(u32(payload.length));
        out.writeBytes(payload);
        byte[] bytes = out.toByteArray();
        // the header's section count (after "STVM", u16 version, u16 0)
        ByteBuffer head = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(8, head.getInt(8) + 1);
        return bytes;
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}

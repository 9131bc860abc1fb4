package org.stapvm.probes.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.stapvm.probes.nativebridge.DwarfReader;

/**
 * The unwind rows of one userspace ELF file (runtime-native/vm/unwind.h: per address range, where the
 * caller's frame is), made by libdw from the file's .eh_frame or .debug_frame at compile time, so the
 * runtimes unwind user stacks by CFI without parsing ELF. {@code path} is the file as its mappings
 * name it; {@code rows} the rows' bytes as the module's unwind section carries them.
 */
public record UnwindRows(String path, int count, byte[] rows) {
    public static final int ROW_SIZE = 12;

    public UnwindRows {
        rows = rows.clone();
    }

    /** The rows of {@code path} (a canonical path); the failure says why there are none. */
    public static UnwindRows read(String path) throws DwarfReader.Failure {
        byte[] blob = DwarfReader.unwind(path);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (blob.length < 12 || b.getInt() != 0x554d5653 || b.getInt() != 1) {
            throw new DwarfReader.Failure.Wrapped("cannot decode the unwind rows of " + path);
        }
        int n = b.getInt();
        if ((long) n * ROW_SIZE != blob.length - 12) {
            throw new DwarfReader.Failure.Wrapped("cannot decode the unwind rows of " + path);
        }
        return new UnwindRows(path, n, Arrays.copyOfRange(blob, 12, blob.length));
    }

    @Override
    public byte[] rows() {
        return rows.clone();
    }
}

package org.stapvm.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ProbeRecordTest {
    @Test
    void flagsBecomeTheRecordsBits() {
        ProbeRecord r = ProbeRecord.kernelFunction("kernel.function(\"vfs_read\").return", null, "vfs_read", true, false);
        assertEquals(ProbeKind.KPROBE, r.kind());
        assertTrue(r.isReturn());
        assertEquals(ProbeKind.Flag.RETURN.bit, r.flagBits());
        ProbeRecord o = r.optional();
        assertEquals(ProbeKind.Flag.RETURN.bit | ProbeKind.Flag.OPTIONAL.bit, o.flagBits());
        assertFalse(r.has(ProbeKind.Flag.OPTIONAL));
        assertEquals(o, r.optional());
    }

    @Test
    void flagsAreCopiedAndImmutable() {
        EnumSet<ProbeKind.Flag> f = EnumSet.of(ProbeKind.Flag.JIFFIES);
        ProbeRecord r = new ProbeRecord(ProbeKind.TIMER, f, "timer.jiffies(5)", null, null, null, 0, 5, 0, 0);
        f.add(ProbeKind.Flag.OPTIONAL);
        assertEquals(ProbeKind.Flag.JIFFIES.bit, r.flagBits());
        assertThrows(UnsupportedOperationException.class, () -> r.flags().add(ProbeKind.Flag.RETURN));
    }

    @Test
    void theKindTableSaysWhereAKindRuns() {
        assertTrue(ProbeKind.KPROBE.kernel());
        assertFalse(ProbeKind.KPROBE.user());
        assertTrue(ProbeKind.PROCESS_FUNCTION.kernel() && ProbeKind.PROCESS_FUNCTION.user());
        assertFalse(ProbeKind.PROCESS_SYSCALL.kernel());
        assertTrue(ProbeKind.KPROBE.needs(ProbeKind.Field.SYM) && ProbeKind.KPROBE.allows(ProbeKind.Field.MOD));
        assertTrue(ProbeKind.KPROBE.allows(ProbeKind.Flag.RETURN) && !ProbeKind.BEGIN.allows(ProbeKind.Flag.RETURN));
        assertEquals(ProbeKind.TIMER, ProbeKind.byNumber(ProbeKind.TIMER.number));
    }
}

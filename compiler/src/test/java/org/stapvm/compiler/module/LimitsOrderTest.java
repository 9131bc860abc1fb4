package org.stapvm.compiler.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module.Limits' components are format.def's LIMIT rows in their order, so the writer and reader follow ModuleFormat. */
class LimitsOrderTest {
    @Test
    void defaultsAreFormatDefs() {
        Module.Limits d = Module.Limits.DEFAULTS;
        assertEquals(ModuleFormat.Limit.MAXACTION.defaultValue, d.maxAction());
        assertEquals(ModuleFormat.Limit.MAXSTRINGLEN.defaultValue, d.maxStringLen());
        assertEquals(ModuleFormat.Limit.MAXMAPENTRIES.defaultValue, d.maxMapEntries());
        assertEquals(ModuleFormat.Limit.MAXNESTING.defaultValue, d.maxNesting());
        assertEquals(ModuleFormat.Limit.MAXERRORS.defaultValue, d.maxErrors());
        assertEquals(ModuleFormat.Limit.MAXSKIPPED.defaultValue, d.maxSkipped());
        assertEquals(ModuleFormat.Limit.HIST_ELISION.defaultValue, d.histElision());
        assertEquals(ModuleFormat.Limit.FLAGS.defaultValue, d.flags());
        assertEquals(ModuleFormat.Limit.STP_OVERLOAD_THRESHOLD.defaultValue, d.overloadThreshold());
        assertEquals(ModuleFormat.Limit.STP_OVERLOAD_INTERVAL.defaultValue, d.overloadInterval());
    }

    @Test
    void valuesFollowTheRowsAndComeBack() {
        List<Long> distinct = new ArrayList<>();
        for (int i = 0; i < ModuleFormat.Limit.values().length; i++) {
            distinct.add(100L + i);
        }
        assertEquals(distinct, Module.Limits.fromValues(distinct).values());
        Module.Limits l = Module.Limits.fromValues(distinct);
        assertEquals(106, l.histElision());
        assertEquals(109L, l.overloadInterval());
        assertThrows(IllegalArgumentException.class, () -> Module.Limits.fromValues(distinct.subList(0, 7)));
    }

    @Test
    void theFlagsAreFormatDefsBits() {
        assertEquals(1, Module.Limits.SUPPRESS_HANDLER_ERRORS);
        assertEquals(2, Module.Limits.SKIP_BADVARS);
        assertEquals(4, Module.Limits.privilegeFlag(org.stapvm.compiler.sema.Privilege.STAPSYS));
        assertEquals(8, Module.Limits.privilegeFlag(org.stapvm.compiler.sema.Privilege.STAPUSR));
        assertEquals(0, Module.Limits.privilegeFlag(org.stapvm.compiler.sema.Privilege.STAPDEV));
        assertEquals(ModuleFormat.Limit.FLAGS.max, Module.Limits.SUPPRESS_HANDLER_ERRORS | Module.Limits.SKIP_BADVARS
                | Module.Limits.privilegeFlag(org.stapvm.compiler.sema.Privilege.STAPSYS)
                | Module.Limits.privilegeFlag(org.stapvm.compiler.sema.Privilege.STAPUSR));
    }
}

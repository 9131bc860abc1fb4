package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.module.ModuleReader;
import org.stapvm.compiler.module.ModuleWriter;

/** -D limits as the module carries them: stap's overload governor settings (stapvm.ko's koverload.c reads them). */
class LimitsTest {
    private static Module.Limits limits(boolean suppress, String... defines) throws Limits.BadDefine {
        return Limits.from(List.of(defines), suppress);
    }

    @Test
    void overloadGovernorHasStapsDefaults() throws Exception {
        Module.Limits l = limits(false);
        assertEquals(500_000_000L, l.overloadThreshold());
        assertEquals(1_000_000_000L, l.overloadInterval());
        assertEquals(1000, l.maxAction());
    }

    @Test
    void overloadSettingsOverrideAndLongLongSuffixes() throws Exception {
        Module.Limits l = limits(false, "STP_OVERLOAD_THRESHOLD=4000000000", "STP_OVERLOAD_INTERVAL=8000000000LL");
        assertEquals(4_000_000_000L, l.overloadThreshold());
        assertEquals(8_000_000_000L, l.overloadInterval());
    }

    @Test
    void noOverloadAndSuppressTimeLimitsTurnTheGovernorOff() throws Exception {
        for (Module.Limits l : List.of(limits(false, "STP_NO_OVERLOAD"), limits(false, "STAP_NO_OVERLOAD=1"),
                limits(false, "STP_OVERLOAD_INTERVAL=5", "STP_NO_OVERLOAD"), limits(true))) {
            assertEquals(0, l.overloadInterval());
            assertEquals(0, l.overloadThreshold());
        }
        assertEquals(Integer.MAX_VALUE, limits(true).maxAction());
    }

    @Test
    void badCycleCountsAreRefused() {
        Limits.BadDefine e = assertThrows(Limits.BadDefine.class, () -> limits(false, "STP_OVERLOAD_INTERVAL=0"));
        assertEquals("-D STP_OVERLOAD_INTERVAL=0: the value must be a positive number of cycles", e.getMessage());
        assertThrows(Limits.BadDefine.class, () -> limits(false, "STP_OVERLOAD_THRESHOLD=abc"));
    }

    @Test
    void otherNamesAreAcceptedAsStapHandsThemToItsCompiler() throws Exception {
        assertEquals(limits(false), limits(false, "MAXTRYLOCK=1000", "STP_NO_BUILDID_CHECK", "MY_SCRIPT_MACRO=x y"));
        Limits.BadDefine e = assertThrows(Limits.BadDefine.class, () -> limits(false, "HIST_WIDTH=20"));
        assertEquals("-D HIST_WIDTH=20: stapvm's histogram bars are stap's default 50 '@' wide; another width is not"
                + " supported yet", e.getMessage());
    }

    @Test
    void theModuleCarriesThem() throws Exception {
        Module.Limits l = limits(false, "STP_OVERLOAD_THRESHOLD=123", "MAXSKIPPED=7");
        Module m = new Module(List.of(), List.of(), List.of(),
                List.of(new Module.Function(0, 0, 0, 0, 0, 0, 0, new long[] {0})), List.of(), l, List.of(), List.of());
        assertEquals(l, ModuleReader.read(ModuleWriter.write(m)).limits());
    }
}

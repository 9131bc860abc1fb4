package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpContextTest {
    @TempDir
    Path dir;

    @Test
    void kernelVersionDropsTheBuildSuffix() {
        assertEquals("6.1.0", Pp.CONTEXT.kernelVersion());
        assertEquals("6.1.0-56-amd64", Pp.CONTEXT.kernelRelease());
        assertEquals("6.18.44", new PpContext("6.18.44", "x86_64", "kernel", "4.8", "stapdev", Map.of(), 0, false)
                .kernelVersion());
    }

    @Test
    void unsetConfigReadsEmpty() {
        assertEquals("", Pp.CONTEXT.config("CONFIG_NOPE"));
        assertEquals("y", Pp.CONTEXT.config("CONFIG_SMP"));
    }

    @Test
    void forKernelFillsFromTheMachine() {
        PpContext context = PpContext.forKernel("0.0.0-no-such-kernel", 3);
        assertEquals(Map.of(), context.kernelConfig()); // missing config file
        assertEquals(HostKernel.archName(System.getProperty("os.arch")), context.arch());
        assertEquals("kernel", context.runtime());
        assertEquals("4.8", context.systemtapVersion());
        assertEquals("stapdev", context.privilege());
        assertEquals(3, context.argCount());
        assertFalse(context.guruMode());
    }

    @Test
    void forHostReadsAnInstalledConfig() {
        PpContext context = PpContext.forHost(0);
        if (Files.exists(Path.of("/boot/config-" + context.kernelRelease()))) {
            assertFalse(context.kernelConfig().isEmpty());
        }
    }

    @Test
    void archNames() {
        assertEquals("x86_64", HostKernel.archName("amd64"));
        assertEquals("arm64", HostKernel.archName("aarch64"));
        assertEquals("i386", HostKernel.archName("x86"));
    }

    @Test
    void configFileParsing() throws IOException {
        Path config = dir.resolve("config");
        Files.write(config, List.of("#", "# CONFIG_FOO is not set", "CONFIG_SMP=y", "CONFIG_HOSTNAME=\"(none)\"",
                "CONFIG_HZ=250", "NOT_CONFIG=1"));
        assertEquals(Map.of("CONFIG_SMP", "y", "CONFIG_HOSTNAME", "\"(none)\"", "CONFIG_HZ", "250"),
                KernelConfig.read(List.of(dir.resolve("missing"), config)));
        assertEquals(Map.of(), KernelConfig.read(List.of(dir.resolve("missing"))));
    }

    @Test
    void hostReleaseFallsBackToAnInstalledKernel() throws IOException {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Path boot = Files.createDirectories(dir.resolve("boot"));
        Files.createDirectories(modules.resolve("5.10.0-30-amd64/build"));
        Files.createDirectories(modules.resolve("6.1.0-56-amd64"));
        Files.createDirectories(modules.resolve("6.1.0-9-amd64"));
        Files.writeString(boot.resolve("config-6.1.0-56-amd64"), "CONFIG_SMP=y\n");
        Files.writeString(boot.resolve("config-6.1.0-9-amd64"), "CONFIG_SMP=y\n");
        // The running kernel (a container host's) is not installed: prefer one with a config, newest first.
        assertEquals("6.1.0-56-amd64", HostKernel.choose("6.18.44-fc", modules, boot));
        // A running kernel with a build tree is used as is.
        Files.createDirectories(modules.resolve("6.18.44-fc/build"));
        assertEquals("6.18.44-fc", HostKernel.choose("6.18.44-fc", modules, boot));
        assertEquals("7.0", HostKernel.choose("7.0", dir.resolve("none"), boot));
    }
}

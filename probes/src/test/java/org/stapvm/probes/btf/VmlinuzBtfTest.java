package org.stapvm.probes.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -r KVER: the BTF inside an installed /boot/vmlinuz-KVER (Debian's linux-image-amd64: xz). */
class VmlinuzBtfTest {

    private static Path vmlinuz() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/boot"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-") && Files.isReadable(p))
                    .sorted().findFirst().orElse(null);
        }
    }

    @Test
    void btfFromTheCompressedImage(@TempDir Path cache) throws Exception {
        Path image = vmlinuz();
        assumeTrue(image != null, "no /boot/vmlinuz-* installed");
        String release = image.getFileName().toString().substring("vmlinuz-".length());
        Btf btf = KernelBtf.of(release, null, image).vmlinux();
        BtfFunctions.Signature s = BtfFunctions.function(btf, "vfs_read");
        assertNotNull(s);
        assertEquals(" $file:struct file* $buf:char* $count:size_t $pos:loff_t*", BtfFunctions.describe(btf, s));
        assertEquals(" $parent:struct task_struct* $child:struct task_struct*",
                BtfFunctions.describe(btf, BtfFunctions.tracepoint(btf, "sched_process_fork")));
    }
}

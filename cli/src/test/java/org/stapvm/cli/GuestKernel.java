package org.stapvm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Debian kernel the tests compile for with -r: the guest's, as runtime-native/guest/kver.sh
 * picks it (KVER, else the newest /boot/vmlinuz-*-amd64 with its modules). The release moves with
 * Debian's linux-image-amd64, so no test names it.
 */
final class GuestKernel {
    private GuestKernel() {}

    static Optional<String> release() {
        try {
            Process p = new ProcessBuilder(StapvmCommand.ROOT.resolve("runtime-native/guest/kver.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

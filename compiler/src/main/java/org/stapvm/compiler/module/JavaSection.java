package org.stapvm.compiler.module;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The java section (ModuleFormat.Section.JAVA, docs/bytecode.md): what the native loader needs to arm
 * the stapvm agent of the -x JVM for the module's java() probes, as text, a line each: "agent JAR",
 * "lib HOOKLIB", then the agent's site lines (org.stapvm.agent.Site). The VM only skips it; stapvm-run
 * reads it (runtime-native/user/java_arm.c). Optional, appended after the other sections.
 */
public final class JavaSection {
    static final int ID = ModuleFormat.Section.JAVA.id;

    private JavaSection() {}

    /** {@code module} with the section holding {@code lines}; {@code module} itself when there are none. */
    public static byte[] append(byte[] module, List<String> lines) {
        if (lines.isEmpty()) {
            return module;
        }
        return UnwindSection.appendSection(module, ID, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}

package org.stapvm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.pp.HostKernel;
import org.stapvm.lang.pp.PpContext;

/** Builds pass 1 for the options given: the target the preprocessor tests, the tapset macros. */
final class FrontEnd {
    private FrontEnd() {}

    static Pass1 pass1(Options options) {
        String release = options.kernelRelease != null ? options.kernelRelease : HostKernel.release();
        PpContext context = PpContext.forKernel(release, options.scriptArguments());
        if (options.guru) {
            context = context.withGuruMode(true);
        }
        if (options.privilege() != org.stapvm.compiler.sema.Privilege.STAPDEV) {
            context = context.withPrivilege(options.privilege().word());
        }
        return Pass1.create(context, tapsetDirs(options));
    }

    /** Each -I directory, then the bundled tapsets and their part for the runtime, as stap searches them. */
    static List<Path> tapsetDirs(Options options) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : options.includeDirs) {
            dirs.add(Path.of(dir));
        }
        String home = System.getenv("STAPVM_HOME");
        Path bundled = home != null ? Path.of(home, "tapsets") : TapsetPath.bundled();
        dirs.add(bundled);
        dirs.add(TapsetPath.runtimeDir(bundled, TapsetRuntime.of(options).name()));
        return dirs;
    }
}

package org.stapvm.probes.nativebridge;

import jnr.ffi.Pointer;

/**
 * The C functions of libstapvm.so that Java calls (runtime-native/vm/stapvm.h and
 * runtime-native/user/stapvm_run.h); names and argument order are the C ones.
 */
public interface LibStapvm {
    int stapvm_verify(byte[] bytes, long len, byte[] err, long errlen);

    Pointer stapvm_runner_new(byte[] bytes, long len, byte[] err, long errlen);

    void stapvm_runner_free(Pointer runner);

    int stapvm_runner_set_output_file(Pointer runner, String path, byte[] err, long errlen);

    int stapvm_runner_set_output_files(Pointer runner, String path, long sizeMb, int numMax, byte[] err, long errlen);

    void stapvm_runner_set_json(Pointer runner);

    void stapvm_runner_set_timeout_ms(Pointer runner, long ms);

    void stapvm_runner_set_target_command(Pointer runner, String cmd);

    void stapvm_runner_set_target_pid(Pointer runner, int pid);

    int stapvm_runner_set_breakpoint_mode(Pointer runner, String name);

    void stapvm_runner_signal(Pointer runner, int signo);

    int stapvm_runner_run(Pointer runner);

    int stapvm_pick_runtime(byte[] bytes, long len, String requested, byte[] err, long errlen);

    int stapvm_kernel_run_args(byte[] bytes, long len, String outputFile, long timeoutMs, String targetCmd, int targetPid);

    int stapvm_kernel_run_output(byte[] bytes, long len, String outputFile, long sizeMb, int numMax, int json,
            long timeoutMs, String targetCmd, int targetPid);

    void stapvm_kernel_signal(int signo);
}

package org.stapvm.cli;

/** What -V prints. */
final class Version {
    private Version() {}

    static final String TEXT = "stapvm 0.1.0 (SystemTap 4.8 script language; bytecode runtime, no embedded C)";
}

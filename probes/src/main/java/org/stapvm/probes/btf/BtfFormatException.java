package org.stapvm.probes.btf;

import java.io.IOException;

/** Bytes that are not BTF (or not the BTF this reader knows): the message says what is wrong. */
public final class BtfFormatException extends IOException {
    public BtfFormatException(String message) {
        super(message);
    }
}

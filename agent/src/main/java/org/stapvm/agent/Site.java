package org.stapvm.agent;

/**
 * One place to rewrite: probe {@code slot} on method {@code name}{@code descriptor} of class
 * {@code className} (binary name, with dots), at its entry, at each of its exits, or at each
 * start of source line {@code line}.
 */
record Site(int slot, Kind kind, String className, String name, String descriptor, int line) {
    enum Kind { ENTRY, RETURN, LINE }

    /** One line of an arm request: SLOT TAB KIND TAB CLASS TAB NAME TAB DESCRIPTOR TAB LINE. */
    static Site parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("bad site line: " + line);
        }
        return new Site(Integer.parseInt(f[0]), Kind.valueOf(f[1]), f[2], f[3], f[4], Integer.parseInt(f[5]));
    }
}

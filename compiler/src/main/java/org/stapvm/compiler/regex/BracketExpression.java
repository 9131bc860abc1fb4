package org.stapvm.compiler.regex;

import java.util.BitSet;

/** Reads a bracket expression: [abc], [^a-z], []x], [[:digit:]_]. */
final class BracketExpression {
    private BracketExpression() {}

    static BitSet parse(RegexParser p) throws RegexSyntaxException {
        String s = p.pattern();
        int start = p.pos();
        p.advance(1);
        boolean negate = p.peek('^');
        if (negate) {
            p.advance(1);
        }
        BitSet set = new BitSet(256);
        boolean first = true;
        while (true) {
            if (p.pos() >= s.length()) {
                throw p.error("unmatched '['", start);
            }
            char c = s.charAt(p.pos());
            if (c == ']' && !first) {
                p.advance(1);
                break;
            }
            first = false;
            if (c == '[' && p.pos() + 1 < s.length() && s.charAt(p.pos() + 1) == ':') {
                int end = s.indexOf(":]", p.pos() + 2);
                if (end < 0) {
                    throw p.error("unterminated character class name");
                }
                String name = s.substring(p.pos() + 2, end);
                if (!CharacterClasses.add(name, set)) {
                    throw p.error("unknown character class '" + name + "'");
                }
                p.advance(end + 2 - p.pos());
                continue;
            }
            p.advance(1);
            int low = c & 0xff;
            if (p.peek('-') && p.pos() + 1 < s.length() && s.charAt(p.pos() + 1) != ']') {
                int high = s.charAt(p.pos() + 1) & 0xff;
                if (high < low) {
                    throw p.error("invalid range end", p.pos() - 1);
                }
                p.advance(2);
                set.set(low, high + 1);
            } else {
                set.set(low);
            }
        }
        if (negate) {
            set.flip(0, 256);
            set.clear(0);
        }
        return set;
    }
}

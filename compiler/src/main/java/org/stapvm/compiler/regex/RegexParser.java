package org.stapvm.compiler.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parses POSIX extended regular expressions (the syntax SystemTap's =~ accepts): alternation,
 * concatenation, * + ? {m,n}, groups, bracket expressions with ranges and [:class:] names,
 * '.', ^, $ and backslash escapes. Patterns are bytes (chars 0-255).
 */
final class RegexParser {
    /** Bounded repetition is expanded, so its counts are capped to keep the automaton small. */
    static final int MAX_REPEAT = 255;

    private final String pattern;
    private int pos;
    private int groups;

    private RegexParser(String pattern) {
        this.pattern = pattern;
    }

    static Node parse(String pattern) throws RegexSyntaxException {
        RegexParser p = new RegexParser(pattern);
        Node node = p.alternation();
        if (p.pos < pattern.length()) {
            throw p.error("unmatched ')'");
        }
        return node;
    }

    private Node alternation() throws RegexSyntaxException {
        List<Node> choices = new ArrayList<>();
        choices.add(concatenation());
        while (peek('|')) {
            pos++;
            choices.add(concatenation());
        }
        return choices.size() == 1 ? choices.get(0) : new Node.Alternation(choices);
    }

    private Node concatenation() throws RegexSyntaxException {
        List<Node> parts = new ArrayList<>();
        while (pos < pattern.length() && !peek('|') && !peek(')')) {
            parts.add(repetition(atom()));
        }
        if (parts.isEmpty()) {
            return new Node.Empty();
        }
        return parts.size() == 1 ? parts.get(0) : new Node.Concat(parts);
    }

    private Node repetition(Node atom) throws RegexSyntaxException {
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == '*') {
                atom = new Node.Repeat(atom, 0, -1);
            } else if (c == '+') {
                atom = new Node.Repeat(atom, 1, -1);
            } else if (c == '?') {
                atom = new Node.Repeat(atom, 0, 1);
            } else if (c == '{' && pos + 1 < pattern.length() && Character.isDigit(pattern.charAt(pos + 1))) {
                atom = bounded(atom);
                continue;
            } else {
                break;
            }
            pos++;
        }
        return atom;
    }

    /** {m}, {m,}, {m,n} */
    private Node bounded(Node atom) throws RegexSyntaxException {
        int start = pos++;
        int min = number();
        int max = min;
        if (peek(',')) {
            pos++;
            max = peek('}') ? -1 : number();
        }
        if (!peek('}')) {
            throw error("unterminated repetition count", start);
        }
        pos++;
        if (max != -1 && max < min) {
            throw error("invalid repetition count", start);
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
            throw error("repetition count over " + MAX_REPEAT, start);
        }
        return new Node.Repeat(atom, min, max);
    }

    private int number() throws RegexSyntaxException {
        int start = pos;
        while (pos < pattern.length() && Character.isDigit(pattern.charAt(pos)) && pos - start < 6) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        return Integer.parseInt(pattern.substring(start, pos));
    }

    private Node atom() throws RegexSyntaxException {
        char c = pattern.charAt(pos);
        switch (c) {
            case '(': {
                pos++;
                int index = ++groups;   // numbered by their '(', as POSIX
                Node inner = alternation();
                if (!peek(')')) {
                    // stap's words, at its position: the last character it read
                    throw error("expected ), found end of regex", Math.max(0, pattern.length() - 1));
                }
                pos++;
                return new Node.Group(index, inner);
            }
            case '[':
                return new Node.Bytes(BracketExpression.parse(this));
            case '.': {
                pos++;
                BitSet any = new BitSet(256);
                any.set(1, 256); // newline too (no REG_NEWLINE); NUL never occurs in a string
                return new Node.Bytes(any);
            }
            case '^':
                pos++;
                return new Node.StartAnchor();
            case '$':
                pos++;
                return new Node.EndAnchor();
            case '\\': {
                if (pos + 1 >= pattern.length()) {
                    throw error("trailing backslash");
                }
                char e = pattern.charAt(pos + 1);
                pos += 2;
                return literal(e);
            }
            case '*':
            case '+':
            case '?':
                throw error("repetition operator '" + c + "' with nothing before it");
            default:
                pos++;
                return literal(c);
        }
    }

    private static Node literal(char c) {
        BitSet one = new BitSet(256);
        one.set(c & 0xff);
        return new Node.Bytes(one);
    }

    // Shared with BracketExpression.

    String pattern() {
        return pattern;
    }

    int pos() {
        return pos;
    }

    void advance(int n) {
        pos += n;
    }

    boolean peek(char c) {
        return pos < pattern.length() && pattern.charAt(pos) == c;
    }

    RegexSyntaxException error(String message) {
        return error(message, pos);
    }

    RegexSyntaxException error(String message, int at) {
        return new RegexSyntaxException(message, at);
    }
}

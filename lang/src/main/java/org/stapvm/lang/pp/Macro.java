package org.stapvm.lang.pp;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.ast.SourcePos;

/**
 * One {@code @define NAME(params) %( body %)}: the body is kept as tokens, and {@code @p} in it
 * names parameter p. {@code nameToken} is the definition's name, for "first defined here".
 */
public record Macro(String name, List<String> params, List<Token> body, SourcePos pos, Token nameToken) {
    public Macro {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }
}

// The SystemTap script language after preprocessing (conditionals resolved, macros expanded).
// No actions (one predicate, componentName's): AstBuilder turns each labelled alternative into one
// immutable AST node.
parser grammar StapParser;
options { tokenVocab = StapLexer; }

// The parser is driven one declaration at a time (see Parser.java) so that after an error it
// can skip to the next 'probe', 'global', 'private', 'function' or '%{', as SystemTap does.
declaration
    // Left-factored so a mistake in the probe points is reported where it is.
    // A probe may have several bodies, run in order: probe a = b { ... }, { ... }
    : PROBE probePoints (aliasOp=(ASSIGN | ADD_ASSIGN) probePoints)? block (COMMA block)*   # probeDecl
    | (PRIVATE GLOBAL? | GLOBAL) globalVar (COMMA globalVar)* SEMI?   # globalDecl
    | PRIVATE? FUNCTION name=IDENT (COLON type)?
        LPAREN (param (COMMA param)*)? RPAREN (COLON priority=NUMBER)?
        (block | EMBEDDED)                                          # functionDecl
    | EMBEDDED                                                      # embeddedDecl
    | SEMI                                                          # emptyDecl
    ;

declarationEnd : EOF ;

probePoints : probePoint (COMMA probePoint)* ;

probePoint
    : componentPath marker=(QUESTION | BANG)? (IF LPAREN expression RPAREN)?
    ;

// syscall.{open,close}.return stands for syscall.open.return and syscall.close.return.
componentPath : segment (DOT segment)* ;

segment
    : component                                                     # singleSegment
    | LBRACE alternative (COMMA alternative)* RBRACE                # alternativeSegment
    ;

// An alternative may carry its own marker: kernel.{trace("a")!, trace("b")}.
alternative : componentPath marker=(QUESTION | BANG)? ;

component : componentName (LPAREN constant RPAREN)? ;

// Names may hold wildcards ("syscall.*", "sys_*read") and keywords ("return", "next"): parts
// written together, as stap's lexer joins them ("begin println" is two words; the one predicate
// of the grammar, since the blanks between tokens are on the hidden channel).
componentName : namePart ({Adjacency.touchesPrevious(_input)}? namePart)* ;
// Script arguments ($1, @1) are already their tokens here (ArgumentSubstitution): probe $1 reads
// the probe point given on the command line.
namePart : IDENT | STAR | keyword | NUMBER ;

keyword
    : PROBE | GLOBAL | PRIVATE | FUNCTION | IF | ELSE | FOR | FOREACH | IN | LIMIT | RETURN
    | DELETE | WHILE | BREAK | CONTINUE | NEXT | TRY | CATCH | STRING | LONG
    ;

globalVar : IDENT wrap=PERCENT? (LBRACK size=NUMBER RBRACK)? (ASSIGN constant)? ;

param : IDENT (COLON type)? ;

type : LONG | STRING ;

block : LBRACE statement* RBRACE ;

statement
    : block                                                         # blockStmt
    | SEMI                                                          # emptyStmt
    | IF LPAREN expression RPAREN statement (ELSE statement)?       # ifStmt
    | WHILE LPAREN expression RPAREN statement                      # whileStmt
    | FOR LPAREN init=expression? SEMI cond=expression? SEMI
        step=expression? RPAREN statement                           # forStmt
    | FOREACH LPAREN foreachVars IN foreachSource
        (LIMIT expression)? RPAREN statement                        # foreachStmt
    | BREAK SEMI?                                                   # breakStmt
    | CONTINUE SEMI?                                                # continueStmt
    | NEXT SEMI?                                                    # nextStmt
    | RETURN expression? SEMI?                                      # returnStmt
    | DELETE expression SEMI?                                       # deleteStmt
    | TRY block CATCH (LPAREN IDENT RPAREN)? block                  # tryStmt
    | expression SEMI?                                              # exprStmt
    ;

// foreach (v- = [a, b+] in arr ...): a value variable, then the keys, each with a sort mark.
foreachVars
    : (value=sortedName ASSIGN)? LBRACK sortedName (COMMA sortedName)* RBRACK   # foreachKeyList
    | (value=sortedName ASSIGN)? sortedName                                     # foreachSingleKey
    ;

sortedName : IDENT sort=(PLUS | MINUS)? ;

// in arr[*, k] @sum- : the array (or histogram), an optional slice, the value sort mark.
foreachSource : indexable slice? (stat=AT_STAT)? sort=(PLUS | MINUS)? ;

slice : LBRACK indexList RBRACK ;

indexable
    : IDENT                                                         # arrayName
    | histogram                                                     # histogramSource
    ;

indexList : index (COMMA index)* ;

index
    : STAR                                                          # wildcardIndex
    | expression                                                    # exprIndex
    ;

// Alternatives from tightest to loosest binding, as SystemTap's parser nests them.
expression
    : primary                                                       # primaryExpr
    // ->member and [index] after any value; a plain name with [keys] is an array element.
    // (Suffixes live only here, never inside 'target', so the grammar stays unambiguous.)
    | expression ARROW fieldName pretty=(DOLLAR | DOLLAR2)?         # memberExpr
    | expression LBRACK indexList RBRACK pretty=(DOLLAR | DOLLAR2)?  # indexExpr
    | expression op=(INC | DEC)                                     # postIncrement
    | op=(INC | DEC) expression                                     # preIncrement
    | op=(PLUS | MINUS | BANG | TILDE | AMP) expression             # unaryExpr
    | expression op=(STAR | SLASH | PERCENT) expression             # binaryExpr
    | expression op=(PLUS | MINUS) expression                       # binaryExpr
    | expression op=DOT expression                                  # binaryExpr
    | expression op=(SHL | SHR | USHR) expression                   # binaryExpr
    | expression op=(LT | LE | GT | GE | EQ | NE) expression        # binaryExpr
    | expression op=(REGEX_MATCH | REGEX_NOMATCH) stringLiteral     # regexExpr
    | expression IN indexable slice?                                # inExpr
    | LBRACK indexList RBRACK IN indexable slice?                   # inListExpr
    | expression op=AMP expression                                  # binaryExpr
    | expression op=CARET expression                                # binaryExpr
    | expression op=PIPE expression                                 # binaryExpr
    | expression op=ANDAND expression                               # binaryExpr
    | expression op=OROR expression                                 # binaryExpr
    | <assoc=right> expression QUESTION expression COLON expression  # ternaryExpr
    | <assoc=right> expression op=assignOp expression                # assignExpr
    ;

assignOp
    : ASSIGN | STAT_ADD | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
    | SHL_ASSIGN | SHR_ASSIGN | AND_ASSIGN | XOR_ASSIGN | OR_ASSIGN | CAT_ASSIGN
    ;

primary
    : literal                                                       # literalExpr
    | LPAREN expression RPAREN                                      # parenExpr
    | name=IDENT LPAREN (expression (COMMA expression)*)? RPAREN # callExpr
    | IDENT                                                         # symbolExpr
    | target                                                        # targetExpr
    | AT_STAT LPAREN expression (COMMA expression)? RPAREN          # statExpr
    | histogram                                                     # histogramExpr
    | AT_DEFINED LPAREN expression RPAREN                           # definedExpr
    | AT_ENTRY LPAREN expression RPAREN                             # entryExpr
    | AT_PROBEWRITE LPAREN IDENT RPAREN                             # probewriteExpr
    | AT_CONST LPAREN stringLiteral RPAREN                          # constExpr
    | AT_PERF LPAREN stringLiteral RPAREN                           # perfExpr
    | EMBEDDED                                                      # embeddedExpr
    ;

histogram
    : AT_HIST_LINEAR LPAREN expression COMMA expression COMMA expression COMMA expression RPAREN # histLinear
    | AT_HIST_LOG LPAREN expression RPAREN                          # histLog
    ;

// $var, @cast(p, "type"[, "module"]), @var("name"[, "module"]), @kregister(n); ->f and [i]
// steps follow as memberExpr / indexExpr.
target : targetBase pretty=(DOLLAR | DOLLAR2)? ;

targetBase
    : TARGET_SYMBOL                                                 # targetSymbol
    | AT_CAST LPAREN expression COMMA stringLiteral (COMMA stringLiteral)? RPAREN # castBase
    | AT_VAR LPAREN stringLiteral (COMMA stringLiteral)? RPAREN     # varBase
    | reg=(AT_KREGISTER | AT_UREGISTER) LPAREN expression RPAREN    # registerBase
    ;

fieldName : IDENT | keyword ;

literal
    : stringLiteral                                                 # textLit
    | NUMBER                                                        # numberLit
    ;

// Probe-point arguments and global initializers: literals, where a number may be negative.
constant
    : literal                                                       # plainConstant
    | MINUS NUMBER                                                  # negativeConstant
    ;

// Adjacent string literals are one string: "a" "b" is "ab".
stringLiteral : STRING_LIT+ ;


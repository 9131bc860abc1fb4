// Tokens of the SystemTap script language, including the preprocessor's own tokens
// (%( %? %: %) and @define), which the Preprocessor consumes before the parser runs.
lexer grammar StapLexer;

// Keywords (SystemTap's reserved words).
PROBE    : 'probe';
GLOBAL   : 'global';
PRIVATE  : 'private';
FUNCTION : 'function';
IF       : 'if';
ELSE     : 'else';
FOR      : 'for';
FOREACH  : 'foreach';
IN       : 'in';
LIMIT    : 'limit';
RETURN   : 'return';
DELETE   : 'delete';
WHILE    : 'while';
BREAK    : 'break';
CONTINUE : 'continue';
NEXT     : 'next';
TRY      : 'try';
CATCH    : 'catch';
STRING   : 'string';
LONG     : 'long';

// Preprocessor.
PP_OPEN  : '%(';
PP_THEN  : '%?';
PP_ELSE  : '%:';
PP_CLOSE : '%)';
// Embedded C is read whole so scripts and tapsets parse; the compiler refuses to run it.
EMBEDDED : '%{' .*? '%}';
UNTERMINATED_EMBEDDED : '%{' ( ~'%' | '%'+ ~[%}] )* '%'* EOF;

// @-words with a fixed meaning; any other @NAME is a macro invocation.
AT_CAST        : '@cast';
AT_VAR         : '@var';
AT_DEFINED     : '@defined';
AT_ENTRY       : '@entry';
AT_PROBEWRITE  : '@probewrite';
AT_CONST       : '@const';
AT_PERF        : '@perf';
AT_KREGISTER   : '@kregister';
AT_UREGISTER   : '@uregister';
AT_HIST_LINEAR : '@hist_linear';
AT_HIST_LOG    : '@hist_log';
AT_STAT        : '@count' | '@sum' | '@min' | '@max' | '@avg' | '@variance';
AT_DEFINE      : '@define';
AT_NAME        : '@' IDENT_TEXT;
AT_ARG         : '@' [0-9]+;
AT_ARGC        : '@#';

DOLLAR_ARG     : '$' [0-9]+;
DOLLAR_ARGC    : '$#';
// As in stap, '$' may continue a name: $var$ and $$parms$$ (pretty printing), dtv$pointer$val.
TARGET_SYMBOL  : '$'+ [A-Za-z_] [A-Za-z0-9_$]*;
DOLLAR2        : '$$';
DOLLAR         : '$';

// As in stap, a number runs over every letter and digit after its first digit: 0x, 12ab and 0xg are
// one (invalid) number each, never a number followed by a name.
NUMBER : [0-9] [0-9A-Za-z]*;
STRING_LIT : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"';
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )*;
IDENT : [A-Za-z_] [A-Za-z0-9_$]*;
fragment IDENT_TEXT : [A-Za-z_] [A-Za-z0-9_]*;

// Operators, longest first where prefixes collide.
SHL_ASSIGN : '<<=';
SHR_ASSIGN : '>>=';
STAT_ADD   : '<<<';
ARROW      : '->';
INC        : '++';
DEC        : '--';
ADD_ASSIGN : '+=';
SUB_ASSIGN : '-=';
MUL_ASSIGN : '*=';
DIV_ASSIGN : '/=';
MOD_ASSIGN : '%=';
AND_ASSIGN : '&=';
XOR_ASSIGN : '^=';
OR_ASSIGN  : '|=';
CAT_ASSIGN : '.=';
REGEX_MATCH    : '=~';
REGEX_NOMATCH  : '!~';
EQ     : '==';
NE     : '!=';
LE     : '<=';
GE     : '>=';
SHL    : '<<';
SHR    : '>>';
USHR   : '>>>'; // parsed, as stap does, and rejected in pass 2
ANDAND : '&&';
OROR   : '||';
ASSIGN : '=';
LT     : '<';
GT     : '>';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
PERCENT: '%';
AMP    : '&';
PIPE   : '|';
CARET  : '^';
TILDE  : '~';
BANG   : '!';
DOT    : '.';
QUESTION : '?';
COLON  : ':';
SEMI   : ';';
COMMA  : ',';
LPAREN : '(';
RPAREN : ')';
LBRACE : '{';
RBRACE : '}';
LBRACK : '[';
RBRACK : ']';

LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// SystemTap accepts a comment left open at the end of the file.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF -> channel(HIDDEN);
WS : [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else becomes one token the parser reports as junk.
JUNK : .;

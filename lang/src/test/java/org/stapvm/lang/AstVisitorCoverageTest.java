package org.stapvm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.DeclarationVisitor;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ExpressionVisitor;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.StatementVisitor;

/** Each visitor has exactly one method per record of its sealed interface. */
class AstVisitorCoverageTest {

    @Test
    void expressionVisitorCoversEveryRecord() {
        assertEquals(permitted(Expression.class), visited(ExpressionVisitor.class));
    }

    @Test
    void statementVisitorCoversEveryRecord() {
        assertEquals(permitted(Statement.class), visited(StatementVisitor.class));
    }

    @Test
    void declarationVisitorCoversEveryRecord() {
        assertEquals(permitted(Declaration.class), visited(DeclarationVisitor.class));
    }

    private static Set<String> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> visited(Class<?> visitor) {
        return Arrays.stream(visitor.getDeclaredMethods()).map(Method::getParameterTypes)
                .map(p -> p[0].getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
    }
}

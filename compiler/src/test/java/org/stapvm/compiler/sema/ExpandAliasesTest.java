package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.sema.tapset.TapsetLoader;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.lang.diag.Diagnostic;

class ExpandAliasesTest {

    private static Script parse(String text) {
        return new ScriptParser(TokenPass.NONE).parse(new SourceFile("t.stp", text)).script();
    }

    private static List<ResolvedProbe> expand(String text, TapsetPath path, Diagnostics diags) {
        diags.addFile(new SourceFile("t.stp", text));
        return ExpandAliases.run(parse(text).declarations(), new TapsetLoader(path), ProbeTarget.running(), diags);
    }

    @Test
    void prologueRunsBeforeAndEpilogueAfterTheUserBody() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("probe a = begin { x = 1 }\nprobe b += end { y = 2 }\n"
                + "probe a { print(x) }\nprobe b { print(y) }", TapsetPath.empty(), d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        assertEquals(2, ps.size());
        Statement.Block a = ps.get(0).body();
        assertEquals(ProbeSpec.Kind.BEGIN, ps.get(0).spec().kind());
        // { alias body ; user body }
        Statement first = ((Statement.Block) a.statements().get(0)).statements().get(0);
        assertTrue(first.toString().contains("Symbol[") && first.toString().contains("name=x"), first.toString());
        Statement.Block b = ps.get(1).body();
        Statement last = ((Statement.Block) b.statements().get(1)).statements().get(0);
        assertTrue(last.toString().contains("name=y") && last.toString().contains("value=2"), last.toString());
    }

    @Test
    void nestedAliasesPutTheInnermostPrologueFirst() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("probe inner = timer.s(1) { a = 1 }\nprobe outer = inner { b = 2 }\n"
                + "probe outer { print(a + b) }", TapsetPath.empty(), d);
        assertEquals(1, ps.size());
        String body = ps.get(0).body().toString();
        assertTrue(body.indexOf("name=a") < body.indexOf("name=b"), body);
        assertEquals(1_000_000_000L, ps.get(0).spec().periodNs());
    }

    @Test
    void wildcardUsesMatchEveryAlias() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("probe p.one = begin {}\nprobe p.two = end {}\nprobe p.* { print(1) }",
                TapsetPath.empty(), d);
        assertEquals(List.of(ProbeSpec.Kind.BEGIN, ProbeSpec.Kind.END), ps.stream().map(p -> p.spec().kind()).toList());
    }

    @Test
    void optionalPointsThatMatchNothingAreDropped() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("probe nothing.here ?, begin { print(1) }", TapsetPath.empty(), d);
        assertTrue(d.all().isEmpty());
        assertEquals(1, ps.size());
    }

    @Test
    void aliasesComeFromTheTapsetLibraryOnlyWhenUsed() {
        TapsetPath path = TapsetPath.empty()
                .add(new SourceFile("lib.stp", "probe lib.tick = timer.ms(10) { n = 1 }\nfunction unused() { }"))
                .add(new SourceFile("other.stp", "function other() { }"));
        Diagnostics d = new Diagnostics();
        TapsetLoader loader = new TapsetLoader(path);
        String text = "probe lib.tick { print(n) }";
        d.addFile(new SourceFile("t.stp", text));
        List<ResolvedProbe> ps = ExpandAliases.run(parse(text).declarations(), loader, ProbeTarget.running(), d);
        assertEquals(1, ps.size());
        assertEquals(List.of("lib.stp"), loader.loaded().stream().map(f -> f.source().name()).toList());
    }

    /** stap's alias suffixes (its example general/alias_suffixes.stp): the rest of the use goes onto each target. */
    @Test
    void aSuffixAfterAnAliasGoesOntoEachOfItsTargets() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("probe k.fns = kernel.function(\"vfs_read\"), kernel.function(\"vfs_write\") { a = 1 }\n"
                + "probe k.fns.return { print(a) }", TapsetPath.empty(), d);
        assertEquals(List.of(), d.all());
        assertEquals(List.of("kernel.function(\"vfs_read\").return", "kernel.function(\"vfs_write\").return"),
                ps.stream().map(p -> p.spec().kernelPoint()).toList());
        assertTrue(ps.get(0).body().toString().contains("name=a"), ps.get(0).body().toString());
        expand("probe k.fns = kernel.function(\"vfs_read\") { }\nprobe k.fns.nosuch { }", TapsetPath.empty(), d);
        assertEquals("while resolving probe point", d.all().get(0).message());
    }

    @Test
    void unknownPointsAreReportedAsStapDoes() {
        Diagnostics d = new Diagnostics();
        expand("probe begin.foo { }", TapsetPath.empty(), d);
        assertEquals(1, d.all().size());
        Diagnostic e = d.all().get(0);
        assertEquals("while resolving probe point", e.message());
        assertEquals("invalid suffix for probe", e.chain().get(0).message());
        assertEquals("identifier 'foo'", e.chain().get(0).token());
    }

    @Test
    void globMatchesWithinComponents() {
        String aliases = "probe syscall.open = begin { }\nprobe sysfoo.open = end { }\nprobe syscall.close = error { }\n";
        Diagnostics d = new Diagnostics();
        assertEquals(List.of(ProbeSpec.Kind.BEGIN, ProbeSpec.Kind.END),
                expand(aliases + "probe sys*.open { }", TapsetPath.empty(), d).stream().map(p -> p.spec().kind()).toList());
        assertEquals(3, expand(aliases + "probe *.* { }", TapsetPath.empty(), d).size());
        assertEquals(List.of(), d.all());
        assertFalse(expand(aliases + "probe s*x.open { }", TapsetPath.empty(), d).size() > 0);
    }

    @Test
    void conditionsBecomeALeadingGuard() {
        Diagnostics d = new Diagnostics();
        List<ResolvedProbe> ps = expand("global on\nprobe timer.s(1) if (on) { print(1) }", TapsetPath.empty(), d);
        assertInstanceOf(Statement.If.class, ps.get(0).body().statements().get(0));
    }
}

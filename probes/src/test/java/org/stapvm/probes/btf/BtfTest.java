package org.stapvm.probes.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BTF reader against the running kernel's /sys/kernel/btf/vmlinux. */
class BtfTest {
    private static Btf btf;

    @BeforeAll
    static void load() throws Exception {
        Path p = Path.of("/sys/kernel/btf/vmlinux");
        assumeTrue(Files.isReadable(p), "the running kernel has no BTF");
        btf = Btf.parse(Files.readAllBytes(p), null);
    }

    @Test
    void vfsReadAsStapLists() {
        BtfFunctions.Signature s = BtfFunctions.function(btf, "vfs_read");
        assertNotNull(s);
        assertEquals(" $file:struct file* $buf:char* $count:size_t $pos:loff_t*", BtfFunctions.describe(btf, s));
        assertEquals("ssize_t", BtfTypeNames.name(btf, s.returnType()));
    }

    @Test
    void constQualifierAfterItsType() {
        BtfFunctions.Signature s = BtfFunctions.function(btf, "do_sys_openat2");
        assertEquals(" $dfd:int $filename:char const* $how:struct open_how*", BtfFunctions.describe(btf, s));
    }

    @Test
    void unknownFunction() {
        assertNull(BtfFunctions.function(btf, "no_such_function_here"));
        assertEquals(0, btf.named("no_such_function_here").length);
    }

    @Test
    void membersThroughTypedefsAndAnonymousUnions() {
        BtfType task = BtfGraph.byTypeName(btf, "task_struct");
        assertEquals(BtfKind.STRUCT, task.kind());
        assertEquals("task_struct", task.name());
        BtfGraph.Found pid = BtfGraph.member(btf, task, "pid");
        assertEquals("pid_t", BtfTypeNames.name(btf, pid.type()));
        assertEquals(4, BtfGraph.sizeOf(btf, pid.type()));
        assertEquals(0, pid.bitOffset() % 8);
        // struct file's f_inode sits after members of its own; dentry's d_name.name is a char const*
        BtfType dentry = BtfGraph.byTypeName(btf, "struct dentry");
        BtfGraph.Found name = BtfGraph.member(btf, dentry, "d_name");
        assertEquals("qstr", BtfGraph.strip(btf, name.type()).name());
        BtfType qstr = BtfGraph.strip(btf, name.type());
        assertEquals("unsigned char const*", BtfTypeNames.name(btf, BtfGraph.member(btf, qstr, "name").type()));
        // qstr's hash and len live in an anonymous struct inside an anonymous union
        assertNotNull(BtfGraph.member(btf, qstr, "len"));
        assertTrue(BtfGraph.memberNames(btf, qstr).contains("hash"));
        assertNull(BtfGraph.member(btf, qstr, "nosuch"));
    }

    @Test
    void arraysAndFunctionPointers() {
        BtfType task = BtfGraph.byTypeName(btf, "struct task_struct");
        BtfGraph.Found comm = BtfGraph.member(btf, task, "comm");
        assertEquals("char[]", BtfTypeNames.name(btf, comm.type()));
        assertEquals(16, BtfGraph.sizeOf(btf, comm.type()));
        BtfType fops = BtfGraph.byTypeName(btf, "struct file_operations");
        BtfGraph.Found read = BtfGraph.member(btf, fops, "read");
        assertEquals("ssize_t (*) (struct file*, char*, size_t, loff_t*)", BtfTypeNames.name(btf, read.type()));
    }

    @Test
    void bitfields() {
        // struct sk_buff keeps flags in bitfields: pkt_type is 3 bits wide
        BtfType skb = BtfGraph.byTypeName(btf, "sk_buff");
        BtfGraph.Found f = BtfGraph.member(btf, skb, "pkt_type");
        assertEquals(3, f.bitSize());
    }

    @Test
    void tracepointArguments() {
        BtfFunctions.Signature s = BtfFunctions.tracepoint(btf, "sched_process_fork");
        assertEquals(" $parent:struct task_struct* $child:struct task_struct*", BtfFunctions.describe(btf, s));
        assertTrue(BtfFunctions.tracepointNames(btf).contains("sched_switch"));
    }

    @Test
    void functionNamesForWildcards() {
        assertTrue(BtfFunctions.functionNames(btf).contains("vfs_read"));
    }

    @Test
    void notBtf() {
        assertThrows(BtfFormatException.class, () -> Btf.parse(new byte[64], null));
    }
}

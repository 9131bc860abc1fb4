package org.stapvm.probes.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace headers as text: each tracepoint's TRACE_SYSTEM and TP_PROTO names, as stap compiles them. */
class TraceHeadersTest {
    @TempDir
    Path dir;

    private static final String SCHED = """
            /* SPDX-License-Identifier: GPL-2.0 */
            #undef TRACE_SYSTEM
            #define TRACE_SYSTEM sched
            #if !defined(_TRACE_SCHED_H) || defined(TRACE_HEADER_MULTI_READ)
            #define _TRACE_SCHED_H
            TRACE_EVENT(sched_switch,
            	TP_PROTO(bool preempt,
            		 struct task_struct *prev, /* a comment, with a comma */
            		 struct task_struct *next,
            		 unsigned int prev_state),
            	TP_ARGS(preempt, prev, next, prev_state),
            	TP_STRUCT__entry(__array(char, prev_comm, TASK_COMM_LEN)),
            	TP_fast_assign(),
            	TP_printk("prev_comm=%s", __entry->prev_comm)
            );
            DECLARE_EVENT_CLASS(sched_process_template,
            	TP_PROTO(struct task_struct *p), TP_ARGS(p), TP_STRUCT__entry(), TP_fast_assign(), TP_printk(""));
            DEFINE_EVENT(sched_process_template, sched_process_free,
            	     TP_PROTO(struct task_struct *p),
            	     TP_ARGS(p));
            DECLARE_TRACE(pelt_cfs_tp,
            	TP_PROTO(struct cfs_rq *cfs_rq),
            	TP_ARGS(cfs_rq));
            #define DEFINE_WRAPPED(name) \\
            	DEFINE_EVENT(sched_process_template, name, TP_PROTO(struct task_struct *p), TP_ARGS(p))
            DEFINE_WRAPPED(sched_wrapped);
            #define DEFINE_PAIR(name)		\\
            DEFINE_EVENT(sched_process_template, name##_entry,	\\
            	TP_PROTO(int vector), TP_ARGS(vector));	\\
            DEFINE_EVENT(sched_process_template, name ## _exit, TP_PROTO(int vector), TP_ARGS(vector));
            DEFINE_PAIR(local_timer);
            TRACE_EVENT(sched_odd, TP_PROTO(void (*handler)(int, long), int vec[4]), TP_ARGS(handler, vec),
            	TP_STRUCT__entry(), TP_fast_assign(), TP_printk(""));
            DECLARE_TRACE(sched_noargs, TP_PROTO(void), TP_ARGS());
            #endif
            #include <trace/define_trace.h>
            """;

    @Test
    void eventsWrittenOutAndWrapped() throws IOException { // a name in two headers: the first in glob order
        write("include/trace/events/sched.h", SCHED);
        write("include/trace/events/timer.h", "#define TRACE_SYSTEM timer\nDECLARE_TRACE(sched_switch, TP_PROTO(int x), TP_ARGS(x));\n");
        TraceHeaders h = TraceHeaders.read(List.of(dir));
        assertEquals(new TraceHeaders.Event("sched", List.of("preempt", "prev", "next", "prev_state")), h.event("sched_switch"));
        assertEquals(new TraceHeaders.Event("sched", List.of("p")), h.event("sched_process_free"));
        assertEquals(new TraceHeaders.Event("sched", List.of("cfs_rq")), h.event("pelt_cfs_tp"));
        assertEquals(new TraceHeaders.Event("sched", List.of("handler", "vec")), h.event("sched_odd"));
        assertEquals(new TraceHeaders.Event("sched", List.of()), h.event("sched_noargs"));
        assertNull(h.event("sched_process_template"), "a class is no tracepoint");
        assertNull(h.event("name"), "a macro's body is no invocation");
        assertEquals(new TraceHeaders.Event("sched", List.of("p")), h.event("sched_wrapped"), "a wrapper macro expanded");
        assertEquals(new TraceHeaders.Event("sched", List.of("vector")), h.event("local_timer_entry"), "names pasted with ##");
        assertEquals(new TraceHeaders.Event("sched", List.of("vector")), h.event("local_timer_exit"));
        assertEquals("sched", h.systemOf("sched_wrapped"));
        assertEquals("", h.systemOf("nosuch"));
    }

    @Test
    void debianCommonTreeThroughTheBuildMakefile() throws IOException {
        Path common = dir.resolve("linux-headers-common");
        write("linux-headers-common/include/trace/events/sched.h", SCHED);
        write("build/Makefile", "include " + common + "/Makefile\n");
        List<Path> trees = TraceHeaders.trees(dir.resolve("build"));
        assertEquals(List.of(dir.resolve("build"), common), trees);
        assertEquals("sched", TraceHeaders.read(trees).systemOf("sched_switch"));
        assertFalse(TraceHeaders.read(List.of(dir.resolve("nowhere"))).available());
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}

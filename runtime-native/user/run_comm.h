/* run_comm.h: the loader thread's name while it runs a session. stap's begin and end probes run in
 * its loader's context, whose name is "stapio"; the thread that runs a stapvm session takes the same
 * name for the session, so execname() there prints what it prints under stap, whichever loader
 * (the stapvm command's JVM thread, or stapvm-run) and whichever runtime runs it. */
#ifndef RUN_COMM_H
#define RUN_COMM_H

#define RUN_COMM_LEN 16   /* TASK_COMM_LEN */

/* names the calling thread "stapio", keeping its name in saved */
void run_comm_enter(char saved[RUN_COMM_LEN]);
/* gives the calling thread back the name run_comm_enter kept */
void run_comm_leave(const char saved[RUN_COMM_LEN]);

#endif

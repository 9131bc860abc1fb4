/* run_target.h: the run's target process without process probes: -c CMD (started held, released after the begin probes)
 * or -x PID (watched); either way a pidfd says when it ended. */
#ifndef STAPVM_RUN_TARGET_H
#define STAPVM_RUN_TARGET_H
#include <sys/types.h>

struct run_target {
	pid_t pid;              /* target(): 0 when there is none */
	int pidfd;              /* readable once pid has exited; -1 when not watched */
	int hold_fd;            /* -c: write end of the pipe the held child waits on; -1 otherwise */
	int ours;               /* -c: we started it and reap it */
	int ended;
};

void run_target_init(struct run_target *t);
/* -c CMD as staprun runs it: split into words (wordexp: quotes and variables; no command substitution,
 * no undefined variables), or /bin/sh -c CMD when it has shell operators (a pipe, a redirection, ;);
 * *shell (if not NULL) says which. The caller frees *argv with run_target_words_free. -1 with staprun's reason. */
int run_target_words(const char *cmd, char ***argv, int *shell, char *err, unsigned errlen);
void run_target_words_free(char **argv);
/* -c: forks a child that waits until released, then execs argv (searched on $PATH); -1 with the reason */
int run_target_spawn(struct run_target *t, char *const argv[], char *err, unsigned errlen);
/* -x: watches an existing process (all of it ended already counts as ended) */
void run_target_attach(struct run_target *t, pid_t pid);
/* -c: lets the held child run the command (after the begin probes) */
void run_target_release(struct run_target *t);
/* after pidfd polled readable: reaps our child; the target has ended */
void run_target_reap(struct run_target *t);
/* the run is over: a held child is dismissed without running the command, a running -c command
 * is sent SIGTERM (the script ended first); -x targets are left alone */
void run_target_finish(struct run_target *t);
#endif

/* syscall_more.c: a second known sequence of system calls for the syscall.* tapset tests (kmod guest.sh,
 * expected/syscalls_more.out recorded from stap 4.8): sockets and their options, xattrs, signals queued
 * and waited for, prctl, ptrace, keyctl, quotactl, sched attributes, timex, sigaltstack, kexec, thread
 * areas, nanosleep and open as their own calls, then an execve of itself whose second stage calls
 * getpid, kill and exit_group. Every argument is fixed (static, non-PIE: fixed addresses), so argstr
 * and retstr are known; calls glibc would route elsewhere go through syscall(2). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/quota.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

struct sched_attr_v0 { unsigned int size, policy; unsigned long long flags; int nice; unsigned int prio;
	unsigned long long runtime, deadline, period; };
struct user_desc_x { unsigned int entry_number, base_addr, limit, flags; };

static char altstack[8192];
static struct sched_attr_v0 attr = { sizeof(struct sched_attr_v0), 0, 0, 0, 0, 0, 0, 0 };
static struct timex tx;
static struct user_desc_x desc = { 99, 0x1000, 0xfff, 0x51 };
static struct perf_event_attr pattr;
static siginfo_t info;
static char optbuf[16];
static socklen_t optlen = 4;
static int one = 1;
static char pname[] = "seqname";   /* prctl prints its address */

static void stage2(void)
{
	getpid();
	kill(0, 0);
	syscall(SYS_exit_group, 7);
}

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 1000000 }, zero = { 0, 0 };

	if (argc > 1) {
		stage2();
		return 1;
	}
	int fd = openat(AT_FDCWD, "/tmp/stapvm-syscall-more", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	syscall(SYS_fsetxattr, fd, "user.stapvm", "v1", 2, 1);
	syscall(SYS_setxattr, "/tmp/stapvm-syscall-more", "trusted.x", "\001\002ab", 4, 0);
	syscall(SYS_lsetxattr, "/nonexistent/stapvm", "user.x", "abc", 3, 2);
	close(fd);
	unlink("/tmp/stapvm-syscall-more");
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	getsockopt(fd, SOL_SOCKET, SO_TYPE, optbuf, &optlen);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	close(fd);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	close(fd);
	prctl(PR_SET_NAME, pname, 0, 0, 0);
	prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0);
	stack_t ss = { altstack, 0, sizeof altstack };
	syscall(SYS_sigaltstack, &ss, NULL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 8);
	info.si_signo = SIGUSR1;
	info.si_code = SI_QUEUE;
	syscall(SYS_rt_sigqueueinfo, -99999, SIGUSR1, &info);
	syscall(SYS_rt_tgsigqueueinfo, -99999, -99999, SIGUSR1, &info);
	syscall(SYS_adjtimex, &tx);
	memset(&tx, 0, sizeof tx);   /* adjtimex filled it: the time in it would vary */
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0);
	memset(&attr, 0, sizeof attr);   /* as sched_getattr filled it: the kernel's default slice */
	attr.size = sizeof attr;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 0);
	syscall(SYS_kexec_load, 0, 0, NULL, 0xdead0000UL);
	syscall(SYS_kexec_file_load, -1, -1, 1, "", 0);
	syscall(SYS_ptrace, PTRACE_PEEKDATA, 999999, 0x1000, 0);
	syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -1 /* KEY_SPEC_THREAD_KEYRING */, 0, 0, 0);
	syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), "/nonexistent/stapvm", 0, optbuf);
	pattr.type = PERF_TYPE_SOFTWARE;
	pattr.size = sizeof pattr;
	pattr.config = PERF_COUNT_SW_DUMMY;
	syscall(SYS_perf_event_open, &pattr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	syscall(SYS_get_thread_area, &desc);
	syscall(SYS_set_thread_area, &desc);
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_open, "/nonexistent/stapvm", O_RDONLY);
	char *args[] = { "syscall_more", "stage2", NULL };
	char *env[] = { "A=1", "B=2", NULL };
	execve("/proc/self/exe", args, env);
	return 2;
}

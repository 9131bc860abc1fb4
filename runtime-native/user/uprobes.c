/* uprobes.c: a module's process(...) probes on the breakpoint engine: their records, place int3s per image (libraries when ld.so maps them), run hits and task events in the session. */
#define _GNU_SOURCE
#include "uprobes.h"
#include "bpguard.h"
#include <sys/mman.h>
#include "bptask.h"
#include "ptmem.h"
#include "elfsyms.h"
#include "elfinsn.h"
#include "../vm/context.h"
#include <elf.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum up_kind { UP_FUNC, UP_RET, UP_STMT, UP_MARK, UP_BEGIN, UP_END, UP_TBEGIN, UP_TEND, UP_SYSCALL, UP_SYSRET };

struct up_probe {
	int index;              /* in the module */
	enum up_kind kind;
	const char *path;       /* NULL: every traced process (the module's strings) */
	const char *func;       /* UP_FUNC/UP_RET */
	uint64_t addr;          /* UP_STMT, UP_MARK, UP_FUNC after its prologue: link-time address in path */
	uint64_t sem;           /* UP_MARK: link-time address of the site's semaphore (0: none) */
	uint64_t sem_raised;    /* its address in the current image once raised, 0 while not */
	int placed;             /* in the current image: 0 not yet (library not mapped), 1, -1 cannot */
	uint32_t entry_size;    /* UP_RET/UP_SYSRET with @entry: bytes of @entry data per call (0: none) */
	long nr;                /* UP_SYSCALL/UP_SYSRET: the one call number it acts on (PFL_SYSNR), -1 every call */
	size_t entry_off;       /* where this probe's part starts in the site's (the thread's) per-call data */
	struct up_probe *next;  /* the next probe at the same address, module order */
};

/* One int3 address and the probes it serves. */
struct up_site { struct bp_probe *bp; struct up_probe *first; };

/* Syscall stops dispatch by call number: per number the syscall probes that can act on it (x86-64's
 * numbers are below BP_NSYS; slot BP_NSYS serves any other number). */
struct up_syslist { int *idx; int n; };   /* indexes into u->p, module order */

/* Processes seen running the probed image (fork children of it), for path-qualified events. */
#define UP_MAX_PROCS 256
/* ELF files of the image whose unwinder entry points are guarded (bp_unwind_watch). */
#define UP_MAX_GUARDED 256

struct svm_uprobes {
	stapvm_session *s;
	struct bp_engine e;
	struct up_probe *p;
	int n, failed, placing;
	struct up_site sites[BP_MAX_PROBES];
	int nsites;
	char exe[PATH_MAX];     /* canonical path of the probed image */
	char comm[64];
	pid_t procs[UP_MAX_PROCS];
	int nprocs;
	struct bp_probe *ldso;  /* the _dl_debug_state breakpoint: libraries mapped or unmapped */
	char *guarded[UP_MAX_GUARDED];
	int nguarded;
	/* process.syscall.return with @entry: per thread in a system call, the data its entry stop filled */
	size_t sys_size;        /* bytes per thread: the parts of every such probe */
	pid_t sys_tid[BP_MAX_TIDS];
	uint8_t *sys_data;      /* BP_MAX_TIDS * sys_size bytes, slot i for sys_tid[i] */
	struct up_syslist sys_on[2][BP_NSYS + 1];   /* [0] entry probes, [1] return probes, by number */
	int *sys_idx;           /* the lists' storage */
};

int svm_uprobes_mode(const char *name)
{
	static const char *const names[] = { "emulate", "xol", "step", "auto" };
	for (int i = 0; i < 4; i++) if (strcmp(name, names[i]) == 0) return i;
	return -1;
}

/* ---- probe records (probes.def): 1 for a kind the ptrace engine places, 0 for the others */
static int from_record(const struct stapvm_probe_point *pt, struct up_probe *p)
{
	memset(p, 0, sizeof *p);
	p->path = pt->path;
	p->func = pt->symbol;
	p->addr = pt->address;
	p->sem = pt->semaphore;
	p->nr = pt->flags & PFL_SYSNR ? (long)pt->address : -1;
	switch (pt->kind) {
	case SVM_PROBE_PROCESS_FUNCTION: p->kind = pt->flags & PFL_RETURN ? UP_RET : UP_FUNC; return 1;
	case SVM_PROBE_PROCESS_STATEMENT: p->kind = UP_STMT; return 1;
	case SVM_PROBE_PROCESS_MARK: p->kind = UP_MARK; return 1;
	case SVM_PROBE_PROCESS_BEGIN: p->kind = UP_BEGIN; return 1;
	case SVM_PROBE_PROCESS_END: p->kind = UP_END; return 1;
	case SVM_PROBE_THREAD_BEGIN: p->kind = UP_TBEGIN; return 1;
	case SVM_PROBE_THREAD_END: p->kind = UP_TEND; return 1;
	case SVM_PROBE_PROCESS_SYSCALL: p->kind = UP_SYSCALL; return 1;
	case SVM_PROBE_PROCESS_SYSCALL_RETURN: p->kind = UP_SYSRET; return 1;
	default: return 0;
	}
}

struct svm_uprobes *svm_uprobes_new(stapvm_session *s, const stapvm_module *mod, enum bp_mode mode,
                                    char *err, size_t errlen)
{
	struct svm_uprobes *u;
	int n = stapvm_probe_count(mod);
	err[0] = 0;
	/* shared memory: the -x guardian (bpguard.h) reads the engine's state after a fork */
	u = mmap(NULL, sizeof *u, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (u == MAP_FAILED || !(u->p = calloc((size_t)n + 1, sizeof *u->p))) {
		if (u != MAP_FAILED) munmap(u, sizeof *u);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	u->s = s;
	u->e.mode = mode;
	for (int i = 0; i < n; i++) {
		struct stapvm_probe_point pt;
		if (stapvm_probe_point(mod, i, &pt) || !from_record(&pt, &u->p[u->n])) continue;
		u->p[u->n].entry_size = (uint32_t)stapvm_probe_entry_size(mod, i);
		u->p[u->n++].index = i;
	}
	if (u->n == 0) { svm_uprobes_free(u); return NULL; }
	return u;
}

static void forget_guarded(struct svm_uprobes *u)
{
	while (u->nguarded > 0) free(u->guarded[--u->nguarded]);
}

void svm_uprobes_free(struct svm_uprobes *u)
{
	if (!u) return;
	forget_guarded(u);
	free(u->p);
	free(u->sys_data);
	free(u->sys_idx);
	bp_guard_stop(&u->e);
	munmap(u, sizeof *u);
}

void svm_uprobe_resolver_close(struct up_resolver *r)
{
	if (r->opened) elf_close(&r->f);
	free(r->path);
	memset(r, 0, sizeof *r);
}

int svm_uprobe_offset(struct up_resolver *r, const struct stapvm_probe_point *pt, uint64_t *off, uint64_t *sem,
		      char *err, size_t errlen)
{
	struct up_probe p;
	const struct elf_sym *sym;
	uint64_t vaddr;
	int rc = -1;
	*sem = 0;
	if (!from_record(pt, &p) || (p.kind != UP_FUNC && p.kind != UP_RET && p.kind != UP_STMT && p.kind != UP_MARK))
		return 0;
	if (!r->path || strcmp(r->path, p.path)) {
		svm_uprobe_resolver_close(r);
		r->path = strdup(p.path);
		if (!r->path || elf_open(&r->f, p.path)) {
			snprintf(err, errlen, "cannot read %s: %s", p.path, strerror(errno));
			return rc;
		}
		r->opened = 1;
	}
	if (!r->opened) {
		snprintf(err, errlen, "cannot read %s", p.path);
		return rc;
	}
	if (p.kind == UP_MARK) {
		/* the note's pc is an instruction (a nop) of a loaded segment; the semaphore, in .probes,
		 * is data the kernel raises by its file offset */
		vaddr = p.addr;
		if (p.sem && elf_vaddr_to_off(&r->f, p.sem, sem)) {
			snprintf(err, errlen, "semaphore 0x%llx is not in a loaded segment of %s", (unsigned long long)p.sem, p.path);
			return rc;
		}
	} else if (p.kind == UP_STMT) {
		vaddr = p.addr;
		if (elf_insn_boundary(&r->f, vaddr, err, errlen)) return rc;
	} else if ((sym = elf_lookup(&r->f, p.func))) {
		vaddr = sym->value;
	} else {
		snprintf(err, errlen, "no function %s in %s", p.func, p.path);
		return rc;
	}
	if (elf_vaddr_to_off(&r->f, vaddr, off))
		snprintf(err, errlen, "address 0x%llx is not in a loaded segment of %s", (unsigned long long)vaddr, p.path);
	else
		rc = 1;
	return rc;
}

/* ---- running handlers */

/* an @entry probe's part of a call's data: an 8-byte flag (its entry program ran without error), the data */
#define ENTRY_PART(size) (8 + (((size_t)(size) + 7) & ~(size_t)7))

/* runs probe p's handler (or, entry_program, its entry program) for one hit; data: its @entry data */
static int run_with(struct svm_uprobes *u, const struct up_probe *p, enum svm_ctx_kind kind, pid_t tid,
                    pid_t tgid, const struct user_regs_struct *r, uint8_t *data, int entry_program)
{
	struct svm_ctx c = { kind, r, tgid, tid, NULL, u->comm, SVM_MEM_USER, data, data ? p->entry_size : 0, NULL, 0, NULL };
	int rc;
	stapvm_set_context(u->s, &c);
	rc = entry_program ? stapvm_run_entry(u->s, p->index) : stapvm_run_probe(u->s, p->index);
	stapvm_set_context(u->s, NULL);
	if (stapvm_exit_requested(u->s)) u->e.detach_requested = 1;   /* exit(): stop tracing */
	return rc;
}

static void run(struct svm_uprobes *u, const struct up_probe *p, enum svm_ctx_kind kind, pid_t tid,
                pid_t tgid, const struct user_regs_struct *r)
{
	run_with(u, p, kind, tid, tgid, r, NULL, 0);
}

static void on_entry(struct bp_engine *e, struct bp_probe *bp, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct svm_uprobes *u = (struct svm_uprobes *)((char *)e - offsetof(struct svm_uprobes, e));
	(void)bp;
	for (struct up_probe *p = ((struct up_site *)arg)->first; p; p = p->next)
		if (p->kind != UP_RET) run(u, p, SVM_CTX_ENTRY, tid, bp_tgid(e, tid), r);
}

/* at a call's entry: the entry programs of the site's .return probes with @entry fill this call's data */
static void on_return_entry(struct bp_engine *e, struct bp_probe *bp, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct svm_uprobes *u = (struct svm_uprobes *)((char *)e - offsetof(struct svm_uprobes, e));
	(void)bp;
	for (struct up_probe *p = ((struct up_site *)arg)->first; p; p = p->next) {
		uint8_t *part;
		if (p->kind != UP_RET || !p->entry_size || p->entry_off + ENTRY_PART(p->entry_size) > e->ret_data_len) continue;
		part = e->ret_data + p->entry_off;
		part[0] = run_with(u, p, SVM_CTX_ENTRY, tid, bp_tgid(e, tid), r, part + 8, 1) == 0;
	}
}

static void on_return(struct bp_engine *e, struct bp_probe *bp, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	struct svm_uprobes *u = (struct svm_uprobes *)((char *)e - offsetof(struct svm_uprobes, e));
	(void)bp;
	for (struct up_probe *p = ((struct up_site *)arg)->first; p; p = p->next) {
		int has = p->entry_size && e->ret_data && p->entry_off + ENTRY_PART(p->entry_size) <= e->ret_data_len;
		uint8_t *part = has ? e->ret_data + p->entry_off : NULL;
		if (p->kind != UP_RET) continue;
		/* as stap: a call whose entry part did not run (error, skipped) has no return hit */
		if (p->entry_size && (!part || !part[0])) continue;
		run_with(u, p, SVM_CTX_RETURN, tid, bp_tgid(e, tid), r, part ? part + 8 : NULL, 0);
	}
}

/* ---- placing probes in the current image */

static struct up_site *site_at(struct svm_uprobes *u, uint64_t addr)
{
	struct bp_probe *bp;
	for (int i = 0; i < u->nsites; i++) if (u->sites[i].bp->addr == addr) return &u->sites[i];
	if (u->nsites == BP_MAX_PROBES || !(bp = bp_find(&u->e, addr) ? bp_find(&u->e, addr) : bp_add_addr(&u->e, addr, NULL, NULL)))
		return NULL;
	u->sites[u->nsites] = (struct up_site){ bp, NULL };
	return &u->sites[u->nsites++];
}

static void chain(struct up_site *site, struct up_probe *p)
{
	struct up_probe **tail = &site->first;
	while (*tail) tail = &(*tail)->next;
	p->next = NULL;
	*tail = p;
}

static int has_returns(const struct svm_uprobes *u)
{
	for (int i = 0; i < u->n; i++) if (u->p[i].kind == UP_RET) return 1;
	return 0;
}

/* With .return probes, exceptions must see real return addresses: guard the unwinder entry
 * points of every ELF file mapped executable (libgcc_s and libstdc++ usually; the executable
 * when it links them statically), each file once per image. */
static void guard_unwinders(struct svm_uprobes *u)
{
	char path[64], line[PATH_MAX + 128], perms[8];
	FILE *f;
	if (!has_returns(u)) return;
	snprintf(path, sizeof path, "/proc/%d/maps", (int)u->e.pid);
	if (!(f = fopen(path, "re"))) return;
	while (fgets(line, sizeof line, f) && u->nguarded < UP_MAX_GUARDED) {
		char *file = strchr(line, '/');
		int seen = 0;
		if (!file || sscanf(line, "%*s %7s", perms) != 1 || perms[2] != 'x') continue;
		file[strcspn(file, "\n")] = 0;
		for (int i = 0; i < u->nguarded && !seen; i++) seen = strcmp(u->guarded[i], file) == 0;
		if (seen || !(u->guarded[u->nguarded] = strdup(file))) continue;
		u->nguarded++;
		bp_unwind_watch(&u->e, file);
	}
	fclose(f);
}

/* Adds delta to the 16-bit SDT semaphore at addr of the stopped task tid (the marker's code runs its
 * argument setup only while it is nonzero); 0 or -1. */
static int semaphore(pid_t tid, uint64_t addr, int delta)
{
	uint16_t v;
	if (pt_read(tid, addr, &v, sizeof v)) return -1;
	v = (uint16_t)(v + delta);
	return pt_write(tid, addr, &v, sizeof v);
}

/* At detach, in each process still traced (stopped): the semaphores raised for it go down again. */
static void on_detach(struct bp_engine *e, pid_t tid, void *arg)
{
	struct svm_uprobes *u = arg;
	(void)e;
	for (int i = 0; i < u->n; i++)
		if (u->p[i].sem_raised) semaphore(tid, u->p[i].sem_raised, -1);
}

/* Place every probe whose file is mapped now; the others wait for ld.so to map them. One ELF
 * and one /proc/PID/maps read per distinct path (a libc wildcard is thousands of probes). */
static void place(struct svm_uprobes *u)
{
	struct elf_file f;
	const char *open_path = NULL;
	int opened = 0, mapped = 0;
	uint64_t bias = 0;
	if (u->placing) return;
	u->placing = 1;
	for (int i = 0; i < u->n; i++) {
		struct up_probe *p = &u->p[i];
		const struct elf_sym *sym;
		struct up_site *site;
		uint64_t addr;
		if (p->placed || (p->kind != UP_FUNC && p->kind != UP_RET && p->kind != UP_STMT && p->kind != UP_MARK)) continue;
		if (!open_path || strcmp(open_path, p->path)) {
			if (opened) elf_close(&f);
			open_path = p->path;
			opened = elf_open(&f, p->path) == 0;
			mapped = opened && elf_load_bias(&f, p->path, u->e.pid, &bias) == 0;
		}
		if (!opened) { p->placed = -1; u->failed++; continue; }
		if (!mapped) continue;
		if (p->kind == UP_MARK) {
			addr = p->addr + bias;       /* the marker's own nop: an instruction by construction */
		} else if (p->kind == UP_STMT) {
			char why[256];
			if (elf_insn_boundary(&f, p->addr, why, sizeof why)) {
				fprintf(stderr, "WARNING: cannot place probe process(\"%s\").statement(0x%llx): %s\n", p->path,
					(unsigned long long)p->addr, why);
				p->placed = -1; u->failed++; continue;
			}
			addr = p->addr + bias;
		} else if (p->kind == UP_FUNC && p->addr) {
			addr = p->addr + bias;       /* a line-table address: an instruction boundary */
		} else if ((sym = elf_lookup(&f, p->func))) {
			addr = sym->value + bias;
		} else {
			p->placed = -1; u->failed++; continue;
		}
		if (!(site = site_at(u, addr)) || (p->kind == UP_RET && !bp_xol_area(&u->e, addr))) {
			p->placed = -1; u->failed++; continue;
		}
		if (p->kind == UP_RET) { site->bp->ret_fn = on_return; site->bp->ret_arg = site; }
		if (p->kind == UP_RET && p->entry_size) {
			/* the call's data holds, per probe with @entry, an 8-byte "entry program ran" flag then its data */
			p->entry_off = site->bp->ret_data_size;
			site->bp->ret_data_size += ENTRY_PART(p->entry_size);
			site->bp->ret_entry_fn = on_return_entry;
		}
		else { site->bp->fn = on_entry; site->bp->arg = site; }
		chain(site, p);
		p->placed = 1;
		if (p->sem && semaphore(u->e.pid, p->sem + bias, 1) == 0) p->sem_raised = p->sem + bias;
	}
	if (opened) elf_close(&f);
	guard_unwinders(u);
	u->placing = 0;
}

static int pending(const struct svm_uprobes *u)
{
	for (int i = 0; i < u->n; i++)
		if (!u->p[i].placed && (u->p[i].kind == UP_FUNC || u->p[i].kind == UP_RET || u->p[i].kind == UP_STMT ||
		                        u->p[i].kind == UP_MARK)) return 1;
	return 0;
}

static void on_ldso(struct bp_engine *e, struct bp_probe *bp, pid_t tid, const struct user_regs_struct *r, void *arg)
{
	(void)e; (void)bp; (void)tid; (void)r;
	place(arg);
}

/* ld.so calls _dl_debug_state (the debugger's r_brk) before and after it maps objects, at
 * start-up before any library constructor runs, and at each dlopen/dlclose: the moment a
 * library's probes can be placed. ld.so's base is AT_BASE in the auxiliary vector. */
static void watch_ldso(struct svm_uprobes *u)
{
	char path[64], line[PATH_MAX + 128], ldso[PATH_MAX] = "";
	uint64_t av[2], base = 0;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/auxv", (int)u->e.pid);
	if (!(f = fopen(path, "re"))) return;
	while (fread(av, sizeof av, 1, f) == 1 && av[0] != AT_NULL) if (av[0] == AT_BASE) base = av[1];
	fclose(f);
	if (!base) return;                       /* static executable: no ld.so, nothing mapped later */
	snprintf(path, sizeof path, "/proc/%d/maps", (int)u->e.pid);
	if (!(f = fopen(path, "re"))) return;
	while (fgets(line, sizeof line, f)) {
		unsigned long long lo;
		char *slash = strchr(line, '/');
		if (sscanf(line, "%llx-", &lo) == 1 && lo == base && slash) {
			slash[strcspn(slash, "\n")] = 0;
			snprintf(ldso, sizeof ldso, "%s", slash);
			break;
		}
	}
	fclose(f);
	if (ldso[0]) u->ldso = bp_add_func(&u->e, ldso, "_dl_debug_state", on_ldso, u);
}

static void read_image(struct svm_uprobes *u)
{
	char path[64];
	FILE *f;
	snprintf(path, sizeof path, "/proc/%d/exe", (int)u->e.pid);
	if (!realpath(path, u->exe)) u->exe[0] = 0;
	snprintf(path, sizeof path, "/proc/%d/comm", (int)u->e.pid);
	u->comm[0] = 0;
	if ((f = fopen(path, "re"))) {
		if (fgets(u->comm, sizeof u->comm, f)) u->comm[strcspn(u->comm, "\n")] = 0;
		fclose(f);
	}
}

/* ---- task events */

static int runs_image(const struct svm_uprobes *u, pid_t tgid)
{
	if (tgid == u->e.pid) return 1;
	for (int i = 0; i < u->nprocs; i++) if (u->procs[i] == tgid) return 1;
	return 0;
}

/* probe p fires for a task of process tgid (a path-qualified one only in the probed image) */
static int fires_for(struct svm_uprobes *u, const struct up_probe *p, pid_t tgid)
{
	return !p->path || (runs_image(u, tgid) && strcmp(p->path, u->exe) == 0);
}

/* thread tid's @entry data slot for its current system call; create: take a free one (NULL: none) */
static uint8_t *sys_slot(struct svm_uprobes *u, pid_t tid, int create)
{
	int free_slot = -1;
	for (int i = 0; i < BP_MAX_TIDS; i++) {
		if (u->sys_tid[i] == tid) return u->sys_data + (size_t)i * u->sys_size;
		if (!u->sys_tid[i] && free_slot < 0) free_slot = i;
	}
	if (!create || free_slot < 0) return NULL;
	u->sys_tid[free_slot] = tid;
	return u->sys_data + (size_t)free_slot * u->sys_size;
}

static void sys_release(struct svm_uprobes *u, pid_t tid)
{
	for (int i = 0; i < BP_MAX_TIDS; i++) if (u->sys_tid[i] == tid) u->sys_tid[i] = 0;
}

/* Fills the by-number lists of the syscall probes (kind UP_SYSCALL: [0], UP_SYSRET: [1]); -1 out of memory. */
static int sys_index(struct svm_uprobes *u)
{
	size_t total = 0, at = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int w = 0; w < 2; w++)
			for (int nr = 0; nr <= BP_NSYS; nr++) {
				struct up_syslist *l = &u->sys_on[w][nr];
				if (pass) l->idx = u->sys_idx + at;
				l->n = 0;
				for (int i = 0; i < u->n; i++) {
					const struct up_probe *p = &u->p[i];
					if (p->kind != (w ? UP_SYSRET : UP_SYSCALL) ||
					    !(p->nr < 0 || p->nr == nr || (nr == BP_NSYS && p->nr >= BP_NSYS))) continue;
					if (pass) l->idx[l->n] = i;
					l->n++;
				}
				if (pass) at += (size_t)l->n; else total += (size_t)l->n;
			}
		if (!pass && !(u->sys_idx = calloc(total + 1, sizeof *u->sys_idx))) return -1;
	}
	return 0;
}

/* the syscall probes of kind UP_SYSCALL (ret 0) or UP_SYSRET (ret 1) that can act on the stop's call */
static const struct up_syslist *sys_probes(const struct svm_uprobes *u, int ret, const struct user_regs_struct *r)
{
	unsigned long long nr = r->orig_rax;
	return &u->sys_on[ret][nr < BP_NSYS ? nr : BP_NSYS];
}

static int sys_acts_on(const struct up_probe *p, const struct user_regs_struct *r)
{
	return p->nr < 0 || (unsigned long long)p->nr == r->orig_rax;
}

/* at a syscall-entry stop: the entry programs of the .syscall.return probes with @entry fill tid's slot */
static void sys_entry(struct svm_uprobes *u, pid_t tid, pid_t tgid, const struct user_regs_struct *r)
{
	uint8_t *data;
	const struct up_syslist *l = sys_probes(u, 1, r);
	if (!u->sys_size || !(data = sys_slot(u, tid, 1))) return;
	memset(data, 0, u->sys_size);
	for (int k = 0; k < l->n; k++) {
		struct up_probe *p = &u->p[l->idx[k]];
		if (!p->entry_size || !sys_acts_on(p, r) || !fires_for(u, p, tgid)) continue;
		data[p->entry_off] = run_with(u, p, SVM_CTX_ENTRY, tid, tgid, r, data + p->entry_off + 8, 1) == 0;
	}
}

/* at a syscall-exit stop: the .syscall.return probes, those with @entry with the data of the call's entry */
static void sys_return(struct svm_uprobes *u, pid_t tid, pid_t tgid, const struct user_regs_struct *r)
{
	uint8_t *data = u->sys_size ? sys_slot(u, tid, 0) : NULL;
	const struct up_syslist *l = sys_probes(u, 1, r);
	for (int k = 0; k < l->n; k++) {
		struct up_probe *p = &u->p[l->idx[k]];
		uint8_t *part = data && p->entry_size ? data + p->entry_off : NULL;
		if (!sys_acts_on(p, r) || !fires_for(u, p, tgid)) continue;
		/* as for function returns: a call whose entry part did not run has no return hit */
		if (p->entry_size && (!part || !part[0])) continue;
		run_with(u, p, SVM_CTX_RETURN, tid, tgid, r, part ? part + 8 : NULL, 0);
	}
	if (data) sys_release(u, tid);
}

static void fire(struct svm_uprobes *u, enum up_kind kind, enum svm_ctx_kind ck, pid_t tid, pid_t tgid,
                 const struct user_regs_struct *r)
{
	for (int i = 0; i < u->n; i++) {
		struct up_probe *p = &u->p[i];
		if (p->kind == kind && fires_for(u, p, tgid))
			run(u, p, ck, tid, tgid, r);
	}
}

/* A new image in the probed process (spawn, attach, exec): its probes, then process.begin
 * (for spawn and attach, from svm_uprobes_start: after the runner's begin probes and target()). */
static void image_start(struct svm_uprobes *u, int begin)
{
	u->nsites = 0;
	u->nprocs = 0;
	u->ldso = NULL;
	forget_guarded(u);
	for (int i = 0; i < u->n; i++) {
		if (u->p[i].placed == 1) u->p[i].placed = 0;
		u->p[i].sem_raised = 0;            /* the old image, and its semaphores, are gone */
	}
	read_image(u);
	place(u);
	if (pending(u) || has_returns(u)) watch_ldso(u);   /* libraries to probe, or unwinders to guard */
	if (begin) fire(u, UP_BEGIN, SVM_CTX_NONE, u->e.pid, u->e.pid, NULL);
}

static void on_event(struct bp_engine *e, enum bp_event ev, pid_t tid, pid_t tgid, const struct user_regs_struct *r, void *arg)
{
	struct svm_uprobes *u = arg;
	(void)e;
	switch (ev) {
	case BP_EV_EXEC: image_start(u, 1); break;
	case BP_EV_FORK:
		if (u->nprocs < UP_MAX_PROCS) u->procs[u->nprocs++] = tid;
		fire(u, UP_BEGIN, SVM_CTX_NONE, tid, tid, NULL);
		break;
	case BP_EV_THREAD_BEGIN: fire(u, UP_TBEGIN, SVM_CTX_NONE, tid, tgid, NULL); break;
	case BP_EV_THREAD_END: fire(u, UP_TEND, SVM_CTX_NONE, tid, tgid, NULL); sys_release(u, tid); break;
	case BP_EV_PROCESS_END: fire(u, UP_END, SVM_CTX_NONE, tid, tgid, NULL); sys_release(u, tid); break;
	case BP_EV_SYSCALL: {
		const struct up_syslist *l = sys_probes(u, 0, r);
		for (int k = 0; k < l->n; k++) {
			const struct up_probe *p = &u->p[l->idx[k]];
			if (sys_acts_on(p, r) && fires_for(u, p, tgid)) run(u, p, SVM_CTX_ENTRY, tid, tgid, r);
		}
		sys_entry(u, tid, tgid, r);
		break;
	}
	case BP_EV_SYSCALL_RETURN: sys_return(u, tid, tgid, r); break;
	}
}

static void hook(struct svm_uprobes *u, enum bp_mode mode)
{
	u->e.mode = mode;
	u->e.on_event = on_event;
	u->e.on_detach = on_detach;
	u->e.event_arg = u;
	for (int i = 0; i < u->n; i++) {
		struct up_probe *p = &u->p[i];
		if (p->kind == UP_SYSCALL || p->kind == UP_SYSRET) u->e.trace_syscalls = 1;
		if (p->kind == UP_SYSRET && p->entry_size && !u->sys_data) {
			p->entry_off = u->sys_size;
			u->sys_size += ENTRY_PART(p->entry_size);
		}
	}
	if (u->sys_size && !u->sys_data) u->sys_data = calloc(BP_MAX_TIDS, u->sys_size);
	if (!u->sys_data) u->sys_size = 0;
	if (u->e.trace_syscalls && !u->sys_idx && sys_index(u)) u->e.trace_syscalls = 0;
	image_start(u, 0);
}

/* The calls a spawned command need stop at: when every syscall probe acts on one number (PFL_SYSNR),
 * the seccomp filter stops it at those alone (bpseccomp.h); else (a probe on every call, or none)
 * no filter. */
static void sys_filter(const struct svm_uprobes *u, struct bp_sysset *set)
{
	memset(set, 0, sizeof *set);
	for (int i = 0; i < u->n; i++) {
		const struct up_probe *p = &u->p[i];
		if (p->kind != UP_SYSCALL && p->kind != UP_SYSRET) continue;
		if (p->nr < 0 || p->nr >= BP_NSYS) { set->wanted = 0; return; }
		bp_bit_set(set->bits, (unsigned)p->nr);
		if (p->kind == UP_SYSRET) bp_bit_set(set->exits, (unsigned)p->nr);
		set->wanted = 1;
	}
}

int svm_uprobes_spawn(struct svm_uprobes *u, char *const argv[], int out_fd)
{
	enum bp_mode mode = u->e.mode;
	struct bp_sysset calls;
	sys_filter(u, &calls);
	if (bp_spawn_filtered(&u->e, argv, out_fd, mode, &calls)) return -1;
	hook(u, mode);
	return 0;
}

int svm_uprobes_attach(struct svm_uprobes *u, pid_t pid)
{
	enum bp_mode mode = u->e.mode;
	if (bp_attach(&u->e, pid, mode)) return -1;
	if (bp_guard_start(&u->e)) {
		snprintf(u->e.err, sizeof u->e.err, "cannot start the guardian process: %s", strerror(errno));
		bp_detach_now(&u->e);
		return -1;
	}
	hook(u, mode);
	return 0;
}

pid_t svm_uprobes_pid(const struct svm_uprobes *u) { return u->e.pid; }
const char *svm_uprobes_error(const struct svm_uprobes *u) { return u->e.err; }
unsigned long long svm_uprobes_step_unguarded(const struct svm_uprobes *u) { return u->e.step_unguarded; }
int svm_uprobes_start(struct svm_uprobes *u)
{
	if (u->e.pid > 0)   /* no -c/-x: no process has begun under the engine */
		fire(u, UP_BEGIN, SVM_CTX_NONE, u->e.pid, u->e.pid, NULL);
	return bp_start(&u->e);
}
void svm_uprobes_resume(struct svm_uprobes *u) { bp_start(&u->e); }
void svm_uprobes_set_mode(struct svm_uprobes *u, enum bp_mode mode) { u->e.mode = mode; }
int svm_uprobes_service(struct svm_uprobes *u, int block) { return bp_service(&u->e, block); }
void svm_uprobes_detach(struct svm_uprobes *u) { u->e.detach_requested = 1; bp_detach_now(&u->e); }
int svm_uprobes_status(const struct svm_uprobes *u) { return u->e.status; }
int svm_uprobes_failed(const struct svm_uprobes *u) { return u->failed; }

/* run_outfile.h: the -o FILE of a run as staprun opens it: strftime(3) formats in FILE expanded when a
 * file is opened, and -S size[,N] rotation (FILE.0, FILE.1, ... once a file holds more than size MB,
 * the oldest removed when more than N would be kept). */
#ifndef STAPVM_RUN_OUTFILE_H
#define STAPVM_RUN_OUTFILE_H
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct run_outfile {
	char fmt[PATH_MAX];     /* -o FILE made absolute, with its strftime formats */
	uint64_t size_max;      /* -S size in bytes; 0: one file, no rotation */
	int num_max;            /* -S size,N: files kept; 0: all */
	int fnum;               /* the number of the file written now (-S) */
	uint64_t written;       /* bytes in it */
	time_t *opened;         /* -S size,N: when each of the last N files was opened (its name's time) */
};

/* checks FILE as staprun's parse_args does and opens the first file; the fd, or -1 with staprun's
 * message in err (no trailing newline) */
int run_outfile_open(struct run_outfile *f, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen);
/* before more bytes go to *fd: a file already over -S's size is closed and the next one opened
 * (*fd replaced); -1 with err when the next cannot be opened (*fd is then -1) */
int run_outfile_before_write(struct run_outfile *f, int *fd, char *err, size_t errlen);
void run_outfile_wrote(struct run_outfile *f, size_t len);
void run_outfile_free(struct run_outfile *f);
#endif

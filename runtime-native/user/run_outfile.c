/* run_outfile.c: -o FILE with strftime formats and -S rotation, as staprun names and switches its
 * files (see run_outfile.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "run_outfile.h"

/* room staprun keeps after the expanded name for its "_cpuNNN.SSSSSSSSSS" suffixes */
#define SUFFIX_ROOM 18

/* strftime of the format at time t into max bytes; 0 when the name is empty or too long */
static size_t expand(const struct run_outfile *f, time_t t, char *buf, size_t max)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return strftime(buf, max, f->fmt, &tm);
}

/* the name of file fnum opened at t: ".fnum" appended under -S; -1 when it does not fit */
static int file_name(const struct run_outfile *f, int fnum, time_t t, char *buf, size_t max)
{
	size_t n = expand(f, t, buf, max);
	if (n == 0)
		return -1;
	if (f->size_max && snprintf(buf + n, max - n, ".%d", fnum) >= (int)(max - n))
		return -1;
	return 0;
}

/* opens file fnum (removing the one N files back under -S size,N); the fd or -1 with err */
static int open_file(struct run_outfile *f, int fnum, char *err, size_t errlen)
{
	char name[PATH_MAX];
	time_t now = time(0);
	int fd;
	if (f->opened) {
		if (fnum >= f->num_max && file_name(f, fnum - f->num_max, f->opened[fnum % f->num_max], name, sizeof name) == 0)
			remove(name);   /* as staprun: a file already gone is no error */
		f->opened[fnum % f->num_max] = now;
	}
	if (file_name(f, fnum, now, name, sizeof name) < 0) {
		snprintf(err, errlen, "Invalid FILE name format");
		return -1;
	}
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		snprintf(err, errlen, "Couldn't open output file %s: %s", name, strerror(errno));
	return fd;
}

int run_outfile_open(struct run_outfile *f, const char *path, uint64_t size_mb, int num_max, char *err, size_t errlen)
{
	char probe[PATH_MAX];
	memset(f, 0, sizeof *f);
	if (path[0] == '/') {
		if (strlen(path) >= sizeof f->fmt)
			goto too_long;
		strcpy(f->fmt, path);
	} else {
		char cwd[PATH_MAX];
		if (!getcwd(cwd, sizeof cwd) || snprintf(f->fmt, sizeof f->fmt, "%s/%s", cwd, path) >= (int)sizeof f->fmt)
			goto too_long;
	}
	/* staprun's check when it reads its options: the name now fits with room for its suffixes */
	if (expand(f, time(0), probe, sizeof probe - SUFFIX_ROOM) == 0) {
		snprintf(err, errlen, "Filename format is invalid or too long.");
		return -1;
	}
	f->size_max = size_mb << 20;
	f->num_max = f->size_max ? num_max : 0;
	if (f->num_max && !(f->opened = calloc((size_t)f->num_max, sizeof *f->opened))) {
		snprintf(err, errlen, "Memory allocation failed");
		return -1;
	}
	return open_file(f, 0, err, errlen);
too_long:
	snprintf(err, errlen, "File name is too long.");
	return -1;
}

int run_outfile_before_write(struct run_outfile *f, int *fd, char *err, size_t errlen)
{
	/* staprun's serial mode: the switch comes before the write that follows a file grown past size */
	if (!f->size_max || f->written <= f->size_max)
		return 0;
	close(*fd);
	f->fnum++;
	f->written = 0;
	*fd = open_file(f, f->fnum, err, errlen);
	return *fd < 0 ? -1 : 0;
}

void run_outfile_wrote(struct run_outfile *f, size_t len) { f->written += len; }

void run_outfile_free(struct run_outfile *f)
{
	free(f->opened);
	f->opened = 0;
}

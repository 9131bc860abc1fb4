/* run_comm.c: see run_comm.h */
#include <string.h>
#include <sys/prctl.h>
#include "run_comm.h"

void run_comm_enter(char saved[RUN_COMM_LEN])
{
	memset(saved, 0, RUN_COMM_LEN);
	if (prctl(PR_GET_NAME, saved) != 0)
		saved[0] = 0;
	prctl(PR_SET_NAME, "stapio");
}

void run_comm_leave(const char saved[RUN_COMM_LEN])
{
	if (saved[0])
		prctl(PR_SET_NAME, saved);
}

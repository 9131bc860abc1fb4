#include <linux/sched.h>
#include <asm/syscall.h>


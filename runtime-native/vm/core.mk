# core.mk: the interpreter's sources and flags, included by every build that links the VM
# (vm/ itself, user/'s libstapvm.so and stapvm-run, the kernel module), so they cannot drift.
VM_DIR  := $(dir $(lastword $(MAKEFILE_LIST)))
# computed goto: keep one indirect jump per handler (GCC otherwise merges them; measured in bench/vm)
DISPATCH_OPT := -fno-gcse -fno-crossjumping
VM_WARN := $(DISPATCH_OPT) -std=gnu11 -Wall -Wextra -Werror -Wvla -Wframe-larger-than=1536
VM_CORE_NAMES := opinfo.c text.c module_load.c verify.c verify_entry.c verify_locks.c verify_iters.c verify_probes.c maps.c pstat.c hist.c regex_groups.c timing.c interp.c helpers.c helpers_ctx.c helpers_sym.c output.c unwind.c stapvm.c
VM_CORE := $(addprefix $(VM_DIR),$(VM_CORE_NAMES))
# the userspace host of host.h and context.h (in user/): libstapvm.so, stapvm-run and vm/'s tools link it
VM_HOST_USER := $(VM_DIR)../user/host_user.c $(VM_DIR)../user/host_user_ctx.c $(VM_DIR)../user/host_user_lock.c
VM_HDRS := $(wildcard $(VM_DIR)*.h) $(VM_DIR)opcodes.def $(VM_DIR)helpers.def $(VM_DIR)probes.def $(VM_DIR)format.def

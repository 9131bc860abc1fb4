// SPDX-License-Identifier: GPL-2.0
/*
 * Trivial module for the guest harness self-test: proves a module built on the host against
 * linux-headers-amd64 loads in the guest. warn=1 triggers a WARN_ON, to prove that
 * run-in-guest.sh notices kernel warnings in the guest dmesg.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/bug.h>

static bool warn;
module_param(warn, bool, 0444);
MODULE_PARM_DESC(warn, "trigger a WARN_ON at load (tests the harness's dmesg check)");

static int __init hello_init(void)
{
	pr_info("stapvm-guest-selftest: hello\n");
	WARN_ON(warn);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("stapvm-guest-selftest: goodbye\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("stapvm guest harness self-test module");

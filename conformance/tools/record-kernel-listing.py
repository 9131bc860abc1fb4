#!/usr/bin/env python3
"""Records real SystemTap 4.8's -L lines for kernel functions, for KernelListingTest.

Usage: conformance/tools/record-kernel-listing.py KVER > cli/src/test/resources/kernel-listing/stap-L.txt

Needs the kernel's DWARF on this machine (apt-get install linux-image-KVER-dbg; never in CI).
For each probe point in POINTS it writes one line:
    POINT <TAB> stap's -L line <TAB> the formal parameters, space-separated
The parameters come from stap's own expansion of $$parms at -p2 (its __dwarf_tvar_get_NAME_N
functions, in order), so the test can tell parameters (which BTF has) from locals (which it has not).
"""
import re
import subprocess
import sys

POINTS = [
    'kernel.function("vfs_read")',
    'kernel.function("vfs_write")',
    'kernel.function("do_sys_openat2")',
    'kernel.function("do_sys_openat2").return',
    'kernel.function("tcp_sendmsg")',
    'kernel.function("tcp_recvmsg")',
    'kernel.function("do_exit")',
    'kernel.function("wake_up_new_task")',
    'kernel.function("ksys_write")',
    'kernel.function("filp_close")',
    'kernel.function("do_unlinkat")',
    'kernel.function("tcp_v4_connect").return',
    'kernel.function("inet_csk_accept")',
    'kernel.function("submit_bio")',
    'kernel.function("__x64_sys_openat")',
    'kernel.function("kfree")',
    'kernel.function("vfs_fsync_range")',
    'kernel.function("do_nanosleep")',
    'kernel.function("schedule")',
    'kernel.function("security_file_open")',
]


def stap(kver, *args):
    r = subprocess.run(['stap', '-r', kver, *args], capture_output=True, text=True)
    return r.stdout


def main():
    kver = sys.argv[1]
    print(f'# stap 4.8 -r {kver} -L POINT, with linux-image-{kver}-dbg; recorded by {sys.argv[0]}')
    for point in POINTS:
        lines = stap(kver, '-L', point).splitlines()
        if len(lines) != 1:
            sys.exit(f'{point}: stap -L printed {len(lines)} lines')
        expansion = stap(kver, '-p2', '-e', f'probe {point} {{ print($$parms) }}')
        params = re.findall(r'__dwarf_tvar_get_(\w+?)_\d+:', expansion)
        print(f'{point}\t{lines[0]}\t{" ".join(params)}')


if __name__ == '__main__':
    main()

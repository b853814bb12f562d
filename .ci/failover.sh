#!/usr/bin/env bash
# A pg_auto_failover formation on 127.0.0.1: monitor on 5441, two data nodes on 5442 and 5443 with
# synchronous replication and a database `test`, for the failover tests:
#   jdbc:postgresql://127.0.0.1:5442,127.0.0.1:5443/test?targetServerType=primary
# Sourced by .ci/run, it only defines functions. Run directly, it takes a subcommand:
#   bash .ci/failover.sh start | state | restore | kill-primary [node|postgres]
# Re-runnable: existing nodes are not created again, running ones are left alone.

declare -F log >/dev/null || log() { printf '[ci] %s\n' "$*"; }

FAILOVER_DIR=/var/lib/postgresql/failover-ci
FAILOVER_HOSTS=postgresql://postgres@127.0.0.1:5442,127.0.0.1:5443
FAILOVER_URL="$FAILOVER_HOSTS/test?target_session_attrs=read-write&connect_timeout=2"

# pg_autoctl refuses to run as root (initdb does). Its config, state and pid files go under
# FAILOVER_DIR too (XDG_*), so that removing that directory resets the whole formation.
failover_command() {
    local v
    v=$(ls /etc/postgresql | head -n 1)
    FAILOVER_COMMAND=(runuser -u postgres -- env -C "$FAILOVER_DIR" PATH="/usr/lib/postgresql/$v/bin:/usr/bin:/bin"
        XDG_CONFIG_HOME="$FAILOVER_DIR/config" XDG_DATA_HOME="$FAILOVER_DIR/share"
        XDG_RUNTIME_DIR="$FAILOVER_DIR/run" pg_autoctl)
}
failover_autoctl() { failover_command; "${FAILOVER_COMMAND[@]}" "$@"; }

# Starts `pg_autoctl run` for $1 (monitor, node1, node2) in the background unless it is running,
# in a process group of its own (setsid), which `kill_failover_primary node` kills.
failover_run() {
    failover_autoctl status --pgdata "$FAILOVER_DIR/$1" >/dev/null 2>&1 && return 0
    log "starting pg_autoctl for $1"
    failover_command
    setsid "${FAILOVER_COMMAND[@]}" run --pgdata "$FAILOVER_DIR/$1" >>"$FAILOVER_DIR/$1.log" 2>&1 </dev/null &
}

# Waits up to 120 s until the monitor shows one primary and one secondary.
failover_wait() {
    local s
    for _ in $(seq 1 120); do
        s=$(failover_autoctl show state --pgdata "$FAILOVER_DIR/monitor" 2>/dev/null) &&
            grep -Eq '\|\s*primary\s*\|\s*primary\s*$' <<<"$s" &&
            grep -Eq '\|\s*secondary\s*\|\s*secondary\s*$' <<<"$s" && return 0
        sleep 1
    done
    log "pg_auto_failover formation did not reach primary + secondary in 120 s"
    failover_autoctl show state --pgdata "$FAILOVER_DIR/monitor" || true
    return 1
}

start_failover_cluster() {
    if ! command -v pg_createcluster >/dev/null 2>&1; then
        log "PostgreSQL is not installed; the failover tests will report it"
        return 0
    fi
    local v d=$FAILOVER_DIR monitor='postgres://autoctl_node@127.0.0.1:5441/pg_auto_failover?sslmode=prefer'
    v=$(ls /etc/postgresql | head -n 1)
    if [ ! -f "/usr/lib/postgresql/$v/lib/pgautofailover.so" ] || ! command -v pg_autoctl >/dev/null; then
        log "installing pg_auto_failover"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq "postgresql-$v-auto-failover" >/dev/null \
            || { log "could not install pg_auto_failover"; return 1; }
    fi
    install -d -o postgres -g postgres -m 700 "$d" "$d/run"
    if [ ! -f "$d/config/pg_autoctl$d/monitor/pg_autoctl.cfg" ]; then
        log "creating the pg_auto_failover monitor on port 5441"
        failover_autoctl create monitor --pgdata "$d/monitor" --pgport 5441 --hostname 127.0.0.1 \
            --auth trust --no-ssl >>"$d/monitor.log" 2>&1
        failover_autoctl config set --pgdata "$d/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
    fi
    failover_run monitor
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5441 && break; sleep 1; done
    # Faster failover than the defaults (about 20 s to detect a dead node plus a 30 s demote
    # timeout): about 6 s when a whole node dies. Fine here, where no network can partition.
    [ "$(psql -h 127.0.0.1 -p 5441 -U postgres -d pg_auto_failover -Atc 'show pgautofailover.primary_demote_timeout')" = 3s ] ||
        psql -q -h 127.0.0.1 -p 5441 -U postgres -d pg_auto_failover >/dev/null <<'EOF'
alter system set pgautofailover.health_check_period = 1000;
alter system set pgautofailover.health_check_timeout = 2000;
alter system set pgautofailover.health_check_max_retries = 1;
alter system set pgautofailover.health_check_retry_delay = 1000;
alter system set pgautofailover.node_considered_unhealthy_timeout = 3000;
alter system set pgautofailover.primary_demote_timeout = 3000;
select pg_reload_conf();
EOF
    local n
    for n in 1 2; do
        if [ ! -f "$d/config/pg_autoctl$d/node$n/pg_autoctl.cfg" ]; then
            log "creating pg_auto_failover node$n on port $((5441 + n))"
            failover_autoctl create postgres --pgdata "$d/node$n" --pgport $((5441 + n)) --name "node$n" \
                --hostname 127.0.0.1 --listen 127.0.0.1 --dbname test --monitor "$monitor" \
                --auth trust --no-ssl >>"$d/node$n.log" 2>&1
        fi
        failover_run "node$n"
        # node2's creation clones node1, whose pg_autoctl must be running by then.
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p $((5441 + n)) && break; sleep 1; done
    done
    failover_wait || return 1
    log "pg_auto_failover formation is up (one primary, one secondary)"
    psql "$FAILOVER_URL" -Atc 'select 1' >/dev/null 2>&1 ||
        psql "$FAILOVER_HOSTS/postgres?target_session_attrs=read-write" -qc 'create database test'
}

# Kills the current primary. By default the whole node, pg_autoctl and Postgres, with SIGKILL: the
# monitor notices and promotes the secondary (writes again after about 6 s); the killed node stays
# down until `restore`, where it rejoins as secondary. With `postgres`, only the postmaster: its
# pg_autoctl restarts it within 1-3 s and it usually stays primary, so no failover is certain.
# Waits for a secondary first: without one there is no failover. Prints the killed node's name.
kill_failover_primary() {
    local port node pid pgid
    failover_wait >&2 || return 1
    port=$(psql "$FAILOVER_URL" -Atc 'select inet_server_port()') || { log "no primary reachable" >&2; return 1; }
    node=node$((port - 5441))
    if [ "${1:-node}" = node ]; then
        pid=$(head -n 1 "$FAILOVER_DIR/run/pg_autoctl$FAILOVER_DIR/$node/pg_autoctl.pid")
        pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
        [ "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ] && kill -KILL -- "-$pgid"
    fi
    pid=$(head -n 1 "$FAILOVER_DIR/$node/postmaster.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    log "killed the primary $node (127.0.0.1:$port)" >&2
    echo "$node"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start | restore) start_failover_cluster ;;
        kill-primary) kill_failover_primary "${2:-node}" ;;
        state) failover_autoctl show state --pgdata "$FAILOVER_DIR/monitor" ;;
        *) echo "usage: $0 start|state|restore|kill-primary [node|postgres]" >&2; exit 2 ;;
    esac
fi

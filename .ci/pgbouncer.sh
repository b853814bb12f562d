#!/usr/bin/env bash
# PgBouncer on 127.0.0.1:6432 in transaction pooling mode in front of the primary on 5432, for the
# tests of schema.pooler and the sample's load through a pooler. Five server connections per
# database, fewer than the clients, so that transactions really share them. Sourced by .ci/run; defines start_pgbouncer.
# Re-runnable: installs only when missing, rewrites its config only when it changed.

declare -F log >/dev/null || log() { printf '[ci] %s\n' "$*"; }
declare -F wait_for >/dev/null || wait_for() {
    local name=$1 check=$2
    for _ in $(seq 1 30); do
        if eval "$check" >/dev/null 2>&1; then log "$name is up"; return 0; fi
        sleep 1
    done
    log "$name did not come up in 30 s"
    return 1
}

PGBOUNCER_DIR=/var/lib/postgresql/pgbouncer-ci

start_pgbouncer() {
    local dir=$PGBOUNCER_DIR
    local ready="psql -h 127.0.0.1 -p 6432 -U postgres -d test -Atc 'select 1'"
    if [ ! -x /usr/sbin/pgbouncer ]; then
        log "installing PgBouncer"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq pgbouncer >/dev/null || { log "could not install PgBouncer"; return 1; }
    fi
    install -d -o postgres -g postgres -m 700 "$dir"
    # Own config, pid, log and socket, apart from the packaged service's /etc/pgbouncer.
    # ignore_startup_parameters leaves out 'options' on purpose: the project detects it itself.
    local conf
    conf=$(cat <<EOF
[databases]
test = host=127.0.0.1 port=5432 dbname=test
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = 6432
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 200
default_pool_size = 5
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
)
    # trust still needs the user name listed in auth_file.
    echo '"postgres" ""' >"$dir/userlist.txt"
    local changed=false
    if [ "$(cat "$dir/pgbouncer.ini" 2>/dev/null)" != "$conf" ]; then
        printf '%s\n' "$conf" >"$dir/pgbouncer.ini"
        changed=true
    fi
    chown postgres:postgres "$dir"/pgbouncer.ini "$dir"/userlist.txt
    local pid
    pid=$(cat "$dir/pgbouncer.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        if $changed; then
            log "reloading PgBouncer's changed config"
            kill -HUP "$pid"
        fi
        wait_for PgBouncer "$ready"
        return
    fi
    log "starting PgBouncer on 127.0.0.1:6432"
    su postgres -s /bin/bash -c "pgbouncer -d '$dir/pgbouncer.ini'" || true
    wait_for PgBouncer "$ready"
}

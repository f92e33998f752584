#!/usr/bin/env bash
# Nền Nếp past one machine, on this machine (loopback only): a PostgreSQL primary, its streaming replica,
# N stateless API processes (`nennep start`) and nginx in front. For the bench (bench/cluster.ts) and as a
# model for an operator (docs/OPERATIONS.md, "Nhiều máy chủ / Several API hosts").
#
#   scripts/cluster.sh start [--processes N]   (default 2; APIs on 3101, 3102 …, nginx on 3100)
#   scripts/cluster.sh status
#   scripts/cluster.sh stop                    (stops everything it started; the data stays: rm -rf the folder)
#
# Environment: NENNEP_CLUSTER_DIR (work folder, default /tmp/nennep-cluster), NENNEP_CLUSTER_PORT (nginx, 3100;
# the APIs take the next ports), NENNEP_CLUSTER_PG_PORT (primary 5441; the replica the next one).
# Installs Debian's nginx and PostgreSQL when missing (as .ci/run does; needs root). The first start creates
# the databases, migrates and seeds the demo on the primary (`nennep seed-demo`), a few minutes; later starts
# reuse them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cmd=${1:-}
shift || true
processes=${NENNEP_CLUSTER_PROCESSES:-2}
while [ $# -gt 0 ]; do
  case "$1" in
    --processes | -n) processes=${2:?--processes N}; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ "$processes" =~ ^[1-9][0-9]?$ ]] || { echo "--processes: 1 to 99" >&2; exit 2; }

dir=${NENNEP_CLUSTER_DIR:-/tmp/nennep-cluster}
port=${NENNEP_CLUSTER_PORT:-3100}
pg_port=${NENNEP_CLUSTER_PG_PORT:-5441}
replica_port=$((pg_port + 1))
database=nennep
primary_url="postgres://postgres@127.0.0.1:$pg_port/$database"
replica_url="postgres://postgres@127.0.0.1:$replica_port/$database"
nennep=(node "$root/packages/server/bin/nennep.mjs")
ngx="$dir/nginx"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -n 1)")"; }
nginx_bin() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }; }
alive() { [ -f "$1" ] && kill -0 "$(head -n 1 "$1")" 2>/dev/null; }

install_missing() {
  local need=()
  nginx_bin >/dev/null || need+=(nginx)
  command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root" >&2
    exit 1
  fi
  echo "== apt-get install ${need[*]}"
  # Debian's packages would start their own services (nginx on :80): only where policy-rc.d forbids it
  # (containers) does nothing start; elsewhere stop them (systemctl disable --now nginx) if unwanted.
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
}

start_primary() {
  local bin data="$dir/primary/data"
  bin=$(pg_bin)
  if [ ! -d "$data" ]; then
    mkdir -p "$dir/primary/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir/primary"
    # trust on loopback only: this is one machine's model. Real hosts: scram-sha-256 and passwords.
    as_pg "$bin/initdb" -D "$data" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/primary/initdb.log" 2>&1
    # Copied to the replica by pg_basebackup: the same settings on both (max_connections must not be lower).
    cat >>"$data/postgresql.conf" <<EOF
# scripts/cluster.sh
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 256MB
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
# Long dashboard queries on the replica are not cancelled by the primary's vacuum.
hot_standby_feedback = on
EOF
  fi
  alive "$data/postmaster.pid" 2>/dev/null ||
    as_pg "$bin/pg_ctl" -D "$data" -l "$dir/primary/server.log" -o "-p $pg_port -k $dir/primary/sock" -w start >/dev/null
  as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$database'" |
    grep -q 1 || as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE $database" >/dev/null
}

start_replica() {
  local bin data="$dir/replica/data"
  bin=$(pg_bin)
  if [ ! -d "$data" ]; then
    mkdir -p "$dir/replica/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir/replica"
    # -R writes primary_conninfo and standby.signal; -C -S a slot keeps the WAL the replica still needs.
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$data" -R -X stream -c fast \
      -C -S nennep_replica >"$dir/replica/basebackup.log" 2>&1
  fi
  alive "$data/postmaster.pid" 2>/dev/null ||
    as_pg "$bin/pg_ctl" -D "$data" -l "$dir/replica/server.log" -o "-p $replica_port -k $dir/replica/sock" -w start >/dev/null
}

start_apis() {
  local i api_port ready
  for i in $(seq 1 "$processes"); do
    api_port=$((port + i))
    alive "$dir/api-$i.pid" && continue
    # Only nginx on this host is believed about the client's address (X-Forwarded-For, docs/OPERATIONS.md).
    env -u NENNEP_DATA_DIR -u NENNEP_SMTP_URL DATABASE_URL="$primary_url" DATABASE_READ_URL="$replica_url" \
      NENNEP_TRUST_PROXY=127.0.0.1 HOST=127.0.0.1 PORT="$api_port" \
      nohup "${nennep[@]}" start >>"$dir/api-$i.log" 2>&1 </dev/null &
    echo $! >"$dir/api-$i.pid"
  done
  for i in $(seq 1 "$processes"); do
    api_port=$((port + i))
    ready=0
    for _ in $(seq 1 240); do
      if curl -s -o /dev/null "http://127.0.0.1:$api_port/api/auth/me"; then ready=1; break; fi
      alive "$dir/api-$i.pid" || break
      sleep 0.5
    done
    [ "$ready" = 1 ] || { echo "API $i (port $api_port) did not start:" >&2; tail -n 20 "$dir/api-$i.log" >&2; exit 1; }
  done
}

start_nginx() {
  local bin i servers="" user=""
  bin=$(nginx_bin)
  mkdir -p "$ngx/tmp"
  for i in $(seq 1 "$processes"); do servers+="    server 127.0.0.1:$((port + i)) max_fails=3 fail_timeout=5s;"$'\n'; done
  if [ "$(id -u)" = 0 ]; then
    user="user nobody nogroup;"
    chown nobody:nogroup "$ngx/tmp"
  fi
  cat >"$ngx/nginx.conf" <<EOF
# scripts/cluster.sh: nginx in front of $processes Nền Nếp processes, loopback only.
$user
worker_processes auto;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  # An import file may be 50 MB (NENNEP_IMPORT_MAX_FILE_MB); the server refuses larger ones itself.
  client_max_body_size 60m;
  upstream nennep {
    least_conn;
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://nennep;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      # Replaced, never appended: a client cannot put an address of its choice in front.
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;
      # Only requests not yet sent (or idempotent ones) go to the other process when one fails.
      proxy_next_upstream error timeout;
    }
  }
}
EOF
  "$bin" -t -q -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf"
  if alive "$ngx/nginx.pid"; then
    "$bin" -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf" -s reload
  else
    "$bin" -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf"
  fi
}

stop_all() {
  local bin i
  if alive "$ngx/nginx.pid" && bin=$(nginx_bin); then
    "$bin" -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf" -s quit || true
  fi
  for pidfile in "$dir"/api-*.pid; do
    [ -f "$pidfile" ] || continue
    if alive "$pidfile"; then
      kill "$(cat "$pidfile")"
      for _ in $(seq 1 40); do alive "$pidfile" || break; sleep 0.25; done
      alive "$pidfile" && kill -9 "$(cat "$pidfile")"
    fi
    rm -f "$pidfile"
  done
  for i in replica primary; do
    [ -f "$dir/$i/data/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir/$i/data" -m fast -w stop >/dev/null || true
  done
  for _ in $(seq 1 40); do alive "$ngx/nginx.pid" || break; sleep 0.25; done
}

status() {
  local pidfile state
  for pidfile in "$dir"/api-*.pid; do
    [ -f "$pidfile" ] || continue
    state=stopped; alive "$pidfile" && state="running (pid $(cat "$pidfile"))"
    echo "$(basename "$pidfile" .pid): $state"
  done
  state=stopped; alive "$ngx/nginx.pid" && state="running on http://127.0.0.1:$port"
  echo "nginx: $state"
  for i in primary replica; do
    state=stopped
    [ -f "$dir/$i/data/postmaster.pid" ] && alive "$dir/$i/data/postmaster.pid" 2>/dev/null && state=running
    echo "postgres $i: $state"
  done
  as_pg psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc \
    "SELECT 'replication: ' || application_name || ' ' || state || ', replay lag ' || coalesce(replay_lag::text, '0')
       FROM pg_stat_replication" 2>/dev/null || true
}

case "$cmd" in
  start)
    install_missing
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chmod 755 "$dir"
    # A smaller set than last time: the processes beyond N stop.
    for pidfile in "$dir"/api-*.pid; do
      [ -f "$pidfile" ] || continue
      n=$(basename "$pidfile" .pid); n=${n#api-}
      if [ "$n" -gt "$processes" ]; then alive "$pidfile" && kill "$(cat "$pidfile")"; rm -f "$pidfile"; fi
    done
    start_primary
    echo "== PostgreSQL primary at $primary_url"
    # Migrations and the demo before the replica is taken, so its base backup is small.
    if [ ! -f "$dir/seeded" ]; then
      echo "== nennep seed-demo on the primary (first start: a few minutes)"
      env -u NENNEP_DATA_DIR DATABASE_URL="$primary_url" "${nennep[@]}" seed-demo >>"$dir/seed.log" 2>&1 ||
        { tail -n 20 "$dir/seed.log" >&2; exit 1; }
      touch "$dir/seeded"
    fi
    start_replica
    echo "== streaming replica at $replica_url"
    start_apis
    echo "== $processes API processes on 127.0.0.1:$((port + 1))…$((port + processes))"
    start_nginx
    echo "== nginx on http://127.0.0.1:$port"
    ;;
  stop) stop_all ;;
  status) status ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

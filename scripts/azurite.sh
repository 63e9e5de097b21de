#!/usr/bin/env bash
# Starts or stops the pinned Azurite (Azure Storage emulator) for local development.
#   scripts/azurite.sh start   # blob 10000, queue 10001, table 10002 on 127.0.0.1, data in .azurite/
#   scripts/azurite.sh stop    # stops the process started above, by its recorded pid
#   scripts/azurite.sh status
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="$root/.run"
pid_file="$run_dir/azurite.pid"
data_dir="${AZURITE_DATA:-$root/.azurite}"
bin="$root/node_modules/.bin/azurite"

is_running() { [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

wait_port() {
  local port=$1 deadline=$((SECONDS + 30))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "azurite did not open port $port within 30 s" >&2; return 1; }
    sleep 0.2
  done
}

case "${1:-}" in
  start)
    if is_running; then echo "azurite already running (pid $(cat "$pid_file"))"; exit 0; fi
    [[ -x "$bin" ]] || { echo "azurite is not installed: run 'npm ci' first" >&2; exit 1; }
    for port in 10000 10001 10002; do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use (another Azurite?); stop it first" >&2; exit 1
      fi
    done
    mkdir -p "$run_dir" "$data_dir"
    # Its own session: Ctrl+C on the run command reaches the host first, which still needs storage to stop cleanly.
    setsid "$bin" --silent --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --location "$data_dir" --debug "$run_dir/azurite-debug.log" >"$run_dir/azurite.log" 2>&1 &
    echo $! >"$pid_file"
    for port in 10000 10001 10002; do wait_port "$port"; done
    echo "azurite started (pid $(cat "$pid_file")), data in $data_dir"
    ;;
  stop)
    if is_running; then
      pid=$(cat "$pid_file"); kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "azurite stopped (pid $pid)"
    fi
    rm -f "$pid_file"
    ;;
  status)
    if is_running; then echo "running (pid $(cat "$pid_file"))"; else echo "stopped"; exit 1; fi
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

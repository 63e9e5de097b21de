#!/usr/bin/env bash
# Installs what the product needs and runs it locally:
#   Azurite (blob 10000, queue 10001, table 10002), the Glean emulator (7081) and the function host (7071).
# Ctrl+C stops all three (each by its own pid).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

npm ci --no-audit --no-fund --loglevel=error
# Functions-style local settings (function key, Glean tokens for the emulator); git-ignored, yours to change.
[[ -f local.settings.json ]] || cp local.settings.sample.json local.settings.json
dotnet build DataOps.sln -c Release -nologo -clp:ErrorsOnly

run_dir="$root/.run"; mkdir -p "$run_dir"
for port in 7071 7081; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; stop whatever listens there first" >&2; exit 1
  fi
done
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; fi
  "$root/scripts/azurite.sh" stop || true
}
trap cleanup EXIT INT TERM

"$root/scripts/azurite.sh" start

glean_url="${Glean__BaseUrl:-http://127.0.0.1:7081}"
if [[ "$glean_url" == "http://127.0.0.1:7081" || "$glean_url" == "http://localhost:7081" ]]; then
  setsid dotnet DataOps.GleanEmulator/bin/Release/net10.0/DataOps.GleanEmulator.dll --urls "$glean_url" >"$run_dir/glean-emulator.log" 2>&1 &
  emulator_pid=$!
  echo "glean emulator started (pid $emulator_pid) on $glean_url, log in .run/glean-emulator.log"
fi

echo "function host starting on http://127.0.0.1:7071 (Ctrl+C to stop)"
cd "$root/DataOps.LocalHost"
dotnet bin/Release/net10.0/DataOps.LocalHost.dll "$@"

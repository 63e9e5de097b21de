#!/usr/bin/env bash
# Installs what the tests need (the pinned Azurite from package-lock.json) and runs every test.
# Test fixtures start and stop their own Azurite, Glean emulator and host processes.
# Long chaos/load runs are not part of this command: see scripts/chaos.sh and DataOps.Benchmarks.
# Ends with the plain line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1
fi

# The dashboard's browser tests drive Debian's chromium (Playwright for .NET with the system browser).
if [[ -z "${DATAOPS_CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then
  as_root=(); [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/dev/null; then
    echo "installing chromium failed"; echo "0 passed, 1 failed"; exit 1
  fi
fi

results="$root/TestResults"
rm -rf "$results"
if ! dotnet build DataOps.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

dotnet test DataOps.sln -c Release --no-build --nologo \
  --filter "Category!=Chaos" \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if (( status != 0 && failed == 0 )); then failed=1; fi
if (( passed == 0 && failed == 0 )); then echo "no test ran"; failed=1; status=1; fi
echo "$passed passed, $failed failed"
exit $(( status != 0 || failed != 0 ))

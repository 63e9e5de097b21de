#!/usr/bin/env bash
# The chaos run (not part of scripts/test.sh): Azurite with on-disk persistence, the Glean emulator and two function
# hosts, 50 journeys and 20 stage transitions while hosts are SIGKILLed and restarted, Azurite restarts once and Glean
# answers 20 % 5xx + 10 % 429 for a minute; then a two-minute search outage with an unhealthy datasource, a provision
# that fails for good and is retried, and a cancelled teardown; then every promise is checked. Prints a summary table and exits non-zero
# on any violation. `scripts/chaos.sh --short` is the CI-sized variant; `--help` lists the options.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

npm ci --no-audit --no-fund --loglevel=error
dotnet build DataOps.sln -c Release -nologo -clp:ErrorsOnly
exec dotnet DataOps.Chaos/bin/Release/net10.0/DataOps.Chaos.dll "$@"

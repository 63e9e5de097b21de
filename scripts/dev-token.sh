#!/usr/bin/env bash
# Mints a development bearer token (HS256, issuer dataops-dev) with the key in DataOps__Auth__DevSigningKey, read from
# local.settings.json or the environment, as `dotnet user-jwts` does for ASP.NET Core apps:
#   scripts/dev-token.sh --role Engineer --client acme [--client globex] [--name se@example.com] [--hours 8]
#   scripts/dev-token.sh --new-key        # a fresh signing key to put in local.settings.json
# Builds the local host first when it is not built. The token is the only line on standard output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dll="$root/DataOps.LocalHost/bin/Release/net10.0/DataOps.LocalHost.dll"
if [[ ! -f "$dll" ]]; then
  dotnet build "$root/DataOps.LocalHost/DataOps.LocalHost.csproj" -c Release -nologo -clp:ErrorsOnly >&2
fi
cd "$root"
exec dotnet "$dll" dev-token "$@"

#!/usr/bin/env bash
# Bootstrapper: builds the orchestrator (build/_build.csproj) and runs it with the given arguments.
# Needs only the .NET SDK named in global.json. ./build.sh --help lists targets and parameters.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not on PATH; install the version in global.json (https://dot.net) and retry." >&2
  exit 1
fi

project="$root/build/_build.csproj"
# Its own configuration keeps the orchestrator's output apart from the Release build of the Compile target and from
# the Debug build of the tests (whose unoptimized Pipeline.Core it would otherwise reuse); -p:Optimize=true makes the
# training it runs in-process (Pipeline.Core, Pipeline.Trainer) run at full speed.
# The first build restores and compiles the orchestrator with Pipeline.Core and Pipeline.Trainer: say so, or the
# terminal stays silent for about a minute; later builds are incremental (seconds).
if [ ! -f "$root/build/bin/Orchestrator/net10.0/_build.dll" ]; then
  echo "Building the build orchestrator (build/_build.csproj) for the first time: about a minute; log in .nuke/bootstrap.log." >&2
fi
if ! dotnet build "$project" -c Orchestrator -p:Optimize=true --nologo -v quiet -clp:NoSummary >"$root/.nuke/bootstrap.log" 2>&1; then
  cat "$root/.nuke/bootstrap.log" >&2
  echo "error: building $project failed (output above)." >&2
  exit 1
fi

cd "$root"
exec dotnet "$root/build/bin/Orchestrator/net10.0/_build.dll" "$@"

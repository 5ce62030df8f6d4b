#!/usr/bin/env bash
# Builds the deployment package of the Function App (docs/deploy.md): the output of
# `dotnet publish -c Release functions/Cdppe.Functions` (the isolated worker: Cdppe.Functions.dll, host.json,
# functions.metadata, worker.config.json, extensions.json and the .azurefunctions extension folder), zipped.
#
#   scripts/publish.sh [--mode MODE] [--output DIR]
#
# MODE: framework-dependent (default: exactly `dotnet publish -c Release`; Flex Consumption's dotnet-isolated
# 10.0 runtime runs it) or readytorun (the same for linux-x64, precompiled with ReadyToRun: a faster cold start,
# a larger package). DIR (default artifacts/deploy) receives package/ (the unpacked layout) and
# cdppe-functions.zip. The build itself goes to DIR/build, apart from the development bin/ and obj/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="framework-dependent"
output="$repo/artifacts/deploy"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$mode" in
  framework-dependent) publish_args=() ;;
  readytorun) publish_args=(--runtime linux-x64 --self-contained false -p:PublishReadyToRun=true) ;;
  *) echo "unknown mode: $mode (framework-dependent or readytorun)" >&2; exit 2 ;;
esac

mkdir -p "$output"
output="$(cd "$output" && pwd)"
package="$output/package"
zip_file="$output/cdppe-functions.zip"
rm -rf "$package" "$zip_file"

started=$(date +%s)
dotnet publish "$repo/functions/Cdppe.Functions/Cdppe.Functions.csproj" \
  --configuration Release ${publish_args[@]+"${publish_args[@]}"} \
  --artifacts-path "$output/build" --output "$package" \
  -nologo -clp:ErrorsOnly

# What the Functions host reads to start the worker and index its functions.
for required in host.json functions.metadata worker.config.json extensions.json Cdppe.Functions.dll .azurefunctions; do
  if [[ ! -e "$package/$required" ]]; then
    echo "the published output has no $required: not a Functions isolated worker package" >&2
    exit 1
  fi
done
functions="$(sed -n 's/^    "name": "\([^"]*\)",$/\1/p' "$package/functions.metadata" | tr '\n' ' ')"

(cd "$package" && zip -q -r -X "$zip_file" .)

elapsed=$(( $(date +%s) - started ))
size=$(du -k "$zip_file" | cut -f1)
echo "package: $zip_file (${size} KiB, mode $mode, ${elapsed} s)"
echo "functions: $functions"

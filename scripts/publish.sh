#!/usr/bin/env bash
# Builds the deployment package of the Function App (docs/deploy.md): a zip whose root holds host.json, one
# folder per function (function.json) and the linux-x64 executable that host.json names in defaultExecutablePath.
#
#   scripts/publish.sh [--mode MODE] [--output DIR]
#
# MODE: readytorun (default: self-contained, precompiled with ReadyToRun), self-contained (self-contained, JIT
# only), framework-dependent (needs the .NET and ASP.NET Core runtimes on the machine: for measurements, Flex
# Consumption's custom runtime has none). DIR (default artifacts/deploy) receives package/ (the unpacked layout)
# and cdppe-functions.zip. The build itself goes to DIR/build, apart from the development bin/ and obj/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="readytorun"
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
  readytorun) publish_args=(--runtime linux-x64 --self-contained true -p:PublishReadyToRun=true) ;;
  self-contained) publish_args=(--runtime linux-x64 --self-contained true -p:PublishReadyToRun=false) ;;
  framework-dependent) publish_args=(--runtime linux-x64 --self-contained false -p:PublishReadyToRun=false) ;;
  *) echo "unknown mode: $mode (readytorun, self-contained or framework-dependent)" >&2; exit 2 ;;
esac

mkdir -p "$output"
output="$(cd "$output" && pwd)"
package="$output/package"
zip_file="$output/cdppe-functions.zip"
rm -rf "$package" "$zip_file"

started=$(date +%s)
dotnet publish "$repo/functions/Cdppe.Functions/Cdppe.Functions.csproj" \
  --configuration Release "${publish_args[@]}" \
  --artifacts-path "$output/build" --output "$package" \
  -p:GenerateDocumentationFile=false -nologo -clp:ErrorsOnly

# The Functions host starts what host.json names: it must be at the root and executable.
executable="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$package/host.json")"
if [[ -z "$executable" || ! -f "$package/$executable" ]]; then
  echo "host.json names '$executable' as defaultExecutablePath, but the package has no such file" >&2
  exit 1
fi
chmod +x "$package/$executable"
for folder in "$package"/*/; do
  [[ -f "$folder/function.json" ]] || continue
  functions+=("$(basename "$folder")")
done
if [[ ${#functions[@]} -eq 0 ]]; then
  echo "no function folder (*/function.json) in the package" >&2
  exit 1
fi

# zip keeps the Unix mode bits, so the executable stays executable once the platform unpacks the package.
(cd "$package" && zip -q -r -X "$zip_file" .)

elapsed=$(( $(date +%s) - started ))
size=$(du -k "$zip_file" | cut -f1)
echo "package: $zip_file (${size} KiB, mode $mode, ${elapsed} s)"
echo "functions: ${functions[*]}"

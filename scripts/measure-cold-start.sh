#!/usr/bin/env bash
# Cold start of the standalone host (what `dotnet run --project functions/Cdppe.Functions` starts): from process
# start to the first 200 on GET /api/health, for the framework-dependent publish (the deployment package) and the
# ReadyToRun one, next to its floor: benchmarks/ColdStartFloor, a slim ASP.NET Core app that only answers
# GET /api/health (docs/deploy.md, docs/benchmarks.md; benchmarks/run.sh runs this script).
#
#   scripts/measure-cold-start.sh [--runs N] [--output DIR] [--no-publish]
#
# Each mode is published with scripts/publish.sh into DIR/<mode> (default artifacts/cold-start), then started N
# times (default 7, round robin across modes) after one untimed warm-up run each, with `dotnet Cdppe.Functions.dll`
# from the package folder, no Functions host arguments (so the standalone host), on an Azurite this script starts
# once (tools/azurite, free ports, a temporary folder). A 200 on /api/health means Kestrel listens and storage
# answered (the host checks its containers and tables before it listens). Polling uses bash's /dev/tcp, so no
# process is forked while timing. Reports wall time and the CPU time (user + system) the host had used when it
# answered, which depends less on the machine's other load. Besides the table, prints one MEASUREMENT: line (JSON)
# per mode for the benchmark harness.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=7
output="$repo/artifacts/cold-start"
publish=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    --no-publish) publish=false; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$output"
port=7391
blob_port=7392
table_port=7393
queue_port=7394
ticks=$(getconf CLK_TCK)

answers_200() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  local status=""
  read -r -t 5 status <&3 || true
  exec 3<&- 3>&-
  [[ "$status" == *" 200 "* ]]
}

listening() { { exec 4<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null && exec 4<&- 4>&-; }

for p in $port $blob_port $table_port $queue_port; do
  if listening "$p"; then echo "port $p is already in use" >&2; exit 1; fi
done

# Azurite from the project's lock file, as the tests and the standalone host use it.
azurite_dir="$repo/tools/azurite"
[[ -f "$azurite_dir/node_modules/.cdppe-installed" ]] || (cd "$azurite_dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.cdppe-installed)
data="$(mktemp -d)"
node "$azurite_dir/node_modules/azurite/dist/src/azurite.js" --silent --skipApiVersionCheck --loose --location "$data" \
  --blobPort $blob_port --queuePort $queue_port --tablePort $table_port >/dev/null 2>&1 &
azurite_pid=$!
trap 'kill $azurite_pid 2>/dev/null || true; rm -rf "$data"' EXIT
until listening $blob_port && listening $table_port; do sleep 0.2; done
account="devstoreaccount1"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
storage="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"

measure_once() { # package folder, mode
  local package="$1" mode="$2"
  local started="$EPOCHREALTIME"
  if [[ "$mode" == floor ]]; then
    (cd "$package" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet ColdStartFloor.dll >"$output/last-run.log" 2>&1) &
  else
    (cd "$package" && AzureWebJobsStorage="$storage" Cdppe__Urls="http://127.0.0.1:$port" Cdppe__StartAzurite=false exec dotnet Cdppe.Functions.dll >"$output/last-run.log" 2>&1) &
  fi
  local pid=$!
  local deadline=$(( ${EPOCHREALTIME%.*} + 60 ))
  until answers_200; do
    if ! kill -0 "$pid" 2>/dev/null || (( ${EPOCHREALTIME%.*} > deadline )); then
      kill "$pid" 2>/dev/null || true
      echo "the host did not answer 200 on /api/health (log: $output/last-run.log)" >&2
      return 1
    fi
  done
  local ended="$EPOCHREALTIME"
  # CPU time the host used to get there (user + system): less sensitive than wall time to the machine's load.
  local stat
  read -r -a stat < "/proc/$pid/stat"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local us=$(( (${ended/./} - ${started/./}) ))
  echo "$(( us / 1000 )) $(( (stat[13] + stat[14]) * 1000 / ticks ))"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
modes=(floor framework-dependent readytorun)
for mode in "${modes[@]}"; do
  if $publish; then
    if [[ "$mode" == floor ]]; then
      rm -rf "$output/floor/package"
      dotnet publish "$repo/benchmarks/ColdStartFloor/ColdStartFloor.csproj" -c Release -o "$output/floor/package" >/dev/null
    else
      bash "$repo/scripts/publish.sh" --mode "$mode" --output "$output/$mode" >/dev/null
    fi
  fi
  measure_once "$output/$mode/package" "$mode" >/dev/null
done

# Round robin, so that whatever else the machine does weighs on every mode alike.
declare -A wall cpu
for _ in $(seq "$runs"); do
  for mode in "${modes[@]}"; do
    read -r w c <<< "$(measure_once "$output/$mode/package" "$mode")"
    wall[$mode]+="$w "
    cpu[$mode]+="$c "
  done
done

summary() { # min median max of a list of integers
  local sorted
  sorted=($(printf '%s\n' $1 | sort -n))
  echo "${sorted[0]} ${sorted[$(( ${#sorted[@]} / 2 ))]} ${sorted[$(( ${#sorted[@]} - 1 ))]}"
}

declare -A names=(
  [floor]="Floor: a slim ASP.NET Core app answering GET /api/health only (framework-dependent)"
  [framework-dependent]="Cold start, framework-dependent (the package)"
  [readytorun]="Cold start, ReadyToRun (linux-x64)"
)
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf '%-20s %24s %24s\n' "" "wall ms (min/median/max)" "CPU ms (min/median/max)"
for mode in "${modes[@]}"; do
  printf '%-20s %24s %24s\n' "$mode" "$(summary "${wall[$mode]}" | tr ' ' '/')" "$(summary "${cpu[$mode]}" | tr ' ' '/')"
done
for mode in "${modes[@]}"; do
  read -r wmin wmed wmax <<< "$(summary "${wall[$mode]}")"
  read -r cmin cmed cmax <<< "$(summary "${cpu[$mode]}")"
  printf 'MEASUREMENT:{"Name":"%s","Iterations":%d,"MedianMs":%d,"MinMs":%d,"AllocatedMbPerOp":-1,"PeakWorkingSetMb":-1,"Detail":"wall max %d ms; CPU %d / %d / %d ms (min / median / max)"}\n' \
    "${names[$mode]}" "$runs" "$wmed" "$wmin" "$wmax" "$cmin" "$cmed" "$cmax"
done

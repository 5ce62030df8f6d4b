#!/usr/bin/env bash
# Cold start of the custom handler: from process start to the first 200 on GET / (the request the Functions host
# waits for), for the framework-dependent, self-contained and ReadyToRun publishes (docs/deploy.md).
#
#   scripts/measure-cold-start.sh [--runs N] [--output DIR] [--no-publish]
#
# Each mode is published with scripts/publish.sh into DIR/<mode> (default artifacts/cold-start), then started N
# times (default 7, round robin across modes) after one untimed warm-up run each, as the Functions host starts it: FUNCTIONS_CUSTOMHANDLER_PORT
# set, working directory = the package. Storage points to a closed local port: the handler must not need it to
# start. Polling uses bash's /dev/tcp, so no process is forked while timing. Reports wall time and the CPU time
# (user + system) the handler had used when it answered, which depends less on the machine's other load.
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

port=7391
dead_port=7392
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$dead_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$dead_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$dead_port/devstoreaccount1;"

ticks=$(getconf CLK_TCK)

answers_200() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  local status=""
  read -r -t 5 status <&3 || true
  exec 3<&- 3>&-
  [[ "$status" == *" 200 "* ]]
}

measure_once() {
  local package="$1"
  local started="$EPOCHREALTIME"
  (cd "$package" && FUNCTIONS_CUSTOMHANDLER_PORT=$port AzureWebJobsStorage="$storage" exec ./Cdppe.Functions >/dev/null 2>&1) &
  local pid=$!
  local deadline=$(( ${EPOCHREALTIME%.*} + 30 ))
  until answers_200; do
    if (( ${EPOCHREALTIME%.*} > deadline )); then kill "$pid"; echo "timeout" >&2; return 1; fi
  done
  local ended="$EPOCHREALTIME"
  # CPU time the handler used to get there (user + system): less sensitive than wall time to the machine's load.
  local stat
  read -r -a stat < "/proc/$pid/stat"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local us=$(( (${ended/./} - ${started/./}) ))
  echo "$(( us / 1000 )) $(( (stat[13] + stat[14]) * 1000 / ticks ))"
}

if answers_200; then echo "port $port is already in use" >&2; exit 1; fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
modes=(framework-dependent self-contained readytorun)
for mode in "${modes[@]}"; do
  if $publish; then
    bash "$repo/scripts/publish.sh" --mode "$mode" --output "$output/$mode" >/dev/null
  fi
  measure_once "$output/$mode/package" >/dev/null
done

# Round robin, so that whatever else the machine does weighs on every mode alike.
declare -A wall cpu
for _ in $(seq "$runs"); do
  for mode in "${modes[@]}"; do
    read -r w c <<< "$(measure_once "$output/$mode/package")"
    wall[$mode]+="$w "
    cpu[$mode]+="$c "
  done
done

summary() { # min median max of a list of integers
  local sorted
  sorted=($(printf '%s\n' $1 | sort -n))
  echo "${sorted[0]} ${sorted[$(( ${#sorted[@]} / 2 ))]} ${sorted[$(( ${#sorted[@]} - 1 ))]}"
}

echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf '%-20s %24s %24s\n' "" "wall ms (min/median/max)" "CPU ms (min/median/max)"
for mode in "${modes[@]}"; do
  printf '%-20s %24s %24s\n' "$mode" "$(summary "${wall[$mode]}" | tr ' ' '/')" "$(summary "${cpu[$mode]}" | tr ' ' '/')"
done

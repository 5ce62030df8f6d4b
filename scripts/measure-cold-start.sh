#!/usr/bin/env bash
# Cold start of the custom handler: from process start to the first 200 on GET / (the request the Functions host
# waits for), for the framework-dependent, self-contained and ReadyToRun publishes (docs/deploy.md).
#
#   scripts/measure-cold-start.sh [--runs N] [--output DIR] [--no-publish]
#
# Each mode is published with scripts/publish.sh into DIR/<mode> (default artifacts/cold-start), then started N
# times (default 7, round robin across modes) after one untimed warm-up run each, as the Functions host starts it: FUNCTIONS_CUSTOMHANDLER_PORT
# set, working directory = the package. Storage points to a closed local port: the handler must not need it to
# start. Polling uses bash's /dev/tcp, so no process is forked while timing.
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
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # microseconds -> milliseconds, one decimal
  local us=$(( (${ended/./} - ${started/./}) ))
  printf '%d.%d' $(( us / 1000 )) $(( (us % 1000) / 100 ))
}

if answers_200; then echo "port $port is already in use" >&2; exit 1; fi
modes=(framework-dependent self-contained readytorun)
for mode in "${modes[@]}"; do
  if $publish; then
    bash "$repo/scripts/publish.sh" --mode "$mode" --output "$output/$mode" >/dev/null
  fi
  measure_once "$output/$mode/package" >/dev/null
done

# Round robin, so that whatever else the machine does weighs on every mode alike.
declare -A samples
for _ in $(seq "$runs"); do
  for mode in "${modes[@]}"; do
    samples[$mode]+="$(measure_once "$output/$mode/package") "
  done
done

printf '%-20s %8s %8s %8s  %s\n' mode min median max "runs (ms)"
for mode in "${modes[@]}"; do
  read -r -a values <<< "${samples[$mode]}"
  sorted=($(printf '%s\n' "${values[@]}" | sort -n))
  printf '%-20s %8s %8s %8s  %s\n' "$mode" "${sorted[0]}" "${sorted[$(( runs / 2 ))]}" "${sorted[$(( runs - 1 ))]}" "${values[*]}"
done

#!/usr/bin/env bash
# Builds the benchmarks in Release and runs every side-by-side measurement; rewrites docs/benchmarks.md.
# Usage: benchmarks/run.sh [--quick] [--only reading|consolidation|report|end-to-end|portal|exports|cold-start]
set -euo pipefail
cd "$(dirname "$0")/.."
# The Azure Functions host for the cold start row under it, found as .ci/run finds it (Core Tools, else
# CDPPE_FUNCTIONS_HOST, else the host built for tests next to the clone); without one that row says so.
if ! command -v func >/dev/null && [ -z "${CDPPE_FUNCTIONS_HOST:-}" ] && [ -f ../shared/functions-host/run ]; then
  export CDPPE_FUNCTIONS_HOST="$(cd ../shared/functions-host && pwd)"
fi
dotnet build -c Release benchmarks/ClosedXmlRunner >/dev/null
dotnet build -c Release benchmarks/Cdppe.Benchmarks >/dev/null
dotnet build -c Release benchmarks/ReportRender >/dev/null
(cd benchmarks/ReportRender/bin/Release/net10.0/docxtemplater && npm ci --no-audit --no-fund --silent)
dotnet benchmarks/Cdppe.Benchmarks/bin/Release/net10.0/Cdppe.Benchmarks.dll harness --root "$PWD" "$@"

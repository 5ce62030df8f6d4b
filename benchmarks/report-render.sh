#!/usr/bin/env bash
# The report engine side by side with docxtemplater (npm, pinned in benchmarks/ReportRender/docxtemplater):
# same template, same 41-fiche data. Prints a markdown table; outputs of both engines are kept in the work folder.
# Usage: benchmarks/report-render.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks/ReportRender >/dev/null
out=benchmarks/ReportRender/bin/Release/net10.0
(cd "$out/docxtemplater" && npm ci --no-audit --no-fund --silent)
dotnet "$out/ReportRender.dll" "$PWD/artifacts/report-render" "${1:-30}"

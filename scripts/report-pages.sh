#!/usr/bin/env bash
# Regenerates the page pictures of docs/report.md: renders the 41-fiche report of the seed data (the test that
# checks it writes it when CDPPE_REPORT_OUT is set), converts it with LibreOffice and draws a few pages with pdftoppm.
# Needs LibreOffice Writer and poppler-utils (apt-get install -y libreoffice-writer-nogui poppler-utils) and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice is missing: apt-get install -y libreoffice-writer-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install -y poppler-utils" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CDPPE_REPORT_OUT="$tmp" dotnet test tests/Cdppe.Tests --filter "FullyQualifiedName~ReportOf41FichesReproducesThePublishedFiguresAndIsValid" -v q -nologo >/dev/null
docx=$(ls "$tmp"/rapport-execution-*-2022.docx)
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$docx" >/dev/null
pdf="${docx%.docx}.pdf"
pdftotext -layout "$pdf" "$tmp/report.txt"

# A page by the first line that starts it (page numbers move when the data does).
page_of() { awk -v RS='\f' -v text="$1" 'index($0, text) { print NR; exit }' "$tmp/report.txt"; }
out=docs/report
rm -rf "$out"
mkdir -p "$out"
draw() {
  local name=$1 page
  page=$(page_of "$2")
  [ -n "$page" ] || { echo "no page holds: $2" >&2; exit 1; }
  pdftoppm -r 50 -png -f "$page" -l "$page" -singlefile "$pdf" "$out/$name"
  echo "$out/$name.png: page $page ($2)"
}
draw synthese "Synthèse de l'année 2022"
draw objectifs "Objectifs de la contractualisation"
draw rapport-financier "Rapport financier de la contractualisation"
draw liste-des-fiches "Liste des fiches actions"
draw fiche-1 "Fiche action 1 – "
draw fiche-17 "Fiche action 17 – "
draw tableau-de-bord "Tableau de bord des indicateurs"
draw suivi-mensuel "Évolution mensuelle des indicateurs en 2022"
draw annexe "Annexe – Qualité des données"
# Pages with at most 5 lines of text, the footer included: near-empty pages a reader would notice.
sparse=$(awk -v RS='\f' '{ n = 0; m = split($0, lines, "\n"); for (i = 1; i <= m; i++) if (lines[i] ~ /[^ ]/) n++; if (n > 0 && n <= 5) printf "%d ", NR }' "$tmp/report.txt")
echo "$(pdfinfo "$pdf" | awk '/^Pages/ { print $2 }') pages; near-empty: ${sparse:-none}"

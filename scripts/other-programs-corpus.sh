#!/usr/bin/env bash
# Regenerates tests/Cdppe.Tests/Ingestion/Corpus/other-programs/, the workbooks written by other programs that the
# corpus tests read (committed: the tests need neither LibreOffice nor this script):
#   libreoffice/  every good sample (samples/*.xlsx, samples/variantes/*.xlsx) saved by LibreOffice Calc as .xlsx,
#                 .ods and .xls (soffice --headless --convert-to), and bad/ the faulty samples that are workbooks
#                 saved as .ods and .xls, plus a truncated .ods and .xls and an .ods decompression bomb;
#   closedxml/    every good sample rebuilt cell by cell with ClosedXML 0.95.4 (samples/Cdppe.Samples.ClosedXml).
# Needs LibreOffice Calc (apt-get install -y libreoffice-calc-nogui), python3 and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice is missing: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }

out=tests/Cdppe.Tests/Ingestion/Corpus/other-programs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out/libreoffice/bad" "$out/closedxml"
calc() { soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to "$@" >/dev/null; }

good=(samples/*.xlsx samples/variantes/*.xlsx)
calc ods --outdir "$out/libreoffice" "${good[@]}"
calc xls --outdir "$out/libreoffice" "${good[@]}"
calc xlsx --outdir "$tmp/xlsx" "${good[@]}"
mv "$tmp"/xlsx/*.xlsx "$out/libreoffice/"

# Faulty samples that are workbooks. Left out: the hidden-sheet one (Calc shows a hidden sheet when it is the
# active one, so its copy is not faulty) and, for .xls, the 600-column one (Excel 97-2003 has 256 columns: Calc
# drops the rest).
bad=()
for f in samples/bad/*.xlsx; do
  case "$(basename "$f")" in
    pas-un-classeur.xlsx|pdf-renomme.xlsx|zip-tronque.xlsx|document-word.xlsx|bombe-de-decompression.xlsx|seule-feuille-masquee.xlsx) ;;
    *) bad+=("$f") ;;
  esac
done
calc ods --outdir "$out/libreoffice/bad" "${bad[@]}"
calc xls --outdir "$out/libreoffice/bad" "${bad[@]}"
rm "$out/libreoffice/bad/colonnes-hors-limite.xls"

# Broken on purpose: cut in the middle, and an .ods whose content.xml inflates 2 000 times.
head -c 4000 "$out/libreoffice/plan-action-2020-2022.ods" > "$out/libreoffice/bad/ods-tronque.ods"
head -c 4000 "$out/libreoffice/plan-action-2020-2022.xls" > "$out/libreoffice/bad/xls-tronque.xls"
python3 - "$out/libreoffice/bad/ods-bombe.ods" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
    z.writestr("content.xml", b"<" + b" " * (4 * 1024 * 1024) + b"/>", compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
PY

dotnet build samples/Cdppe.Samples.ClosedXml -v q -nologo >/dev/null
for f in samples/*.xlsx samples/variantes/*.xlsx; do
  dotnet samples/Cdppe.Samples.ClosedXml/bin/Debug/net10.0/Cdppe.Samples.ClosedXml.dll "$f" "$out/closedxml/$(basename "$f")"
done
find "$out" -type f | sort

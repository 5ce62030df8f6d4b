// docxtemplater renders the same template and data as the Cdppe engine (same {{ }} delimiters, paragraph loops,
// French filters written with its expression parser); compile, render and zip are timed together, as ours.
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const expressionParser = require("docxtemplater/expressions.js");
const nf = (d) => new Intl.NumberFormat("fr-FR", { minimumFractionDigits: d, maximumFractionDigits: d });
const grp = (s) => s.replace(/[\u202f ]/g, "\u00a0");
const empty = (v) => v === null || v === undefined || v === "";
Object.assign(expressionParser.filters, {
  euros: (v, d) => empty(v) ? null : grp(nf(d || 0).format(v)) + "\u00a0€",
  montant: (v, d) => empty(v) ? null : Number(Number(v).toFixed(d || 0)) === 0 ? "-\u00a0€" : grp(nf(d || 0).format(v)) + "\u00a0€",
  pourcent: (v, d) => empty(v) ? null : grp(nf(d === undefined ? 1 : d).format(v * 100)) + "\u00a0%",
  nombre: (v, d) => empty(v) ? null : grp(nf(d || 0).format(v)),
  date: (v) => empty(v) ? null : new Date(v).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" }),
  majuscules: (v) => empty(v) ? v : String(v).toUpperCase(),
  minuscules: (v) => empty(v) ? v : String(v).toLowerCase(),
  sinon: (v, t) => empty(v) ? t : v,
});
// usage: node render.js <folder with template.docx and data.json> <iterations>
const path = require("path");
const folder = process.argv[2];
const content = fs.readFileSync(path.join(folder, "template.docx"));
const data = JSON.parse(fs.readFileSync(path.join(folder, "data.json"), "utf8"));
function once() {
  const doc = new Docxtemplater(new PizZip(content), { paragraphLoop: true, linebreaks: true, delimiters: { start: "{{", end: "}}" }, parser: expressionParser, nullGetter: () => "" });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}
fs.writeFileSync(path.join(folder, "docxtemplater.docx"), once());
for (let i = 0; i < 5; i++) once();
const n = +process.argv[3] || 30;
const times = [];
for (let i = 0; i < n; i++) { const t = process.hrtime.bigint(); once(); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
times.sort((a, b) => a - b);
console.log(JSON.stringify({ version: require("docxtemplater/package.json").version, median: times[n >> 1], min: times[0], runs: n }));

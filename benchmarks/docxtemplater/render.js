// Renders a .docx template with docxtemplater, the way the harness measures every engine:
// one warm-up, then N timed renders; prints one MEASUREMENT line (median, min, peak memory).
// Usage: node render.js <template.docx> <data.json> <iterations> <output.docx>
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [templatePath, dataPath, iterationsText, outputPath] = process.argv.slice(2);
const template = fs.readFileSync(templatePath);
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const iterations = parseInt(iterationsText, 10);

function render() {
  const doc = new Docxtemplater(new PizZip(template), {
    delimiters: { start: "{{", end: "}}" },
    paragraphLoop: true,
    linebreaks: true,
  });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

let output = render();
const times = [];
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  output = render();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
fs.writeFileSync(outputPath, output);
times.sort((a, b) => a - b);
const result = {
  Name: `docxtemplater 3.71.0 · ${require("path").basename(templatePath)}`,
  Iterations: iterations,
  MedianMs: times[Math.floor(times.length / 2)],
  MinMs: times[0],
  AllocatedMbPerOp: -1, // not measured for node
  PeakWorkingSetMb: process.resourceUsage().maxRSS / 1024,
  Detail: `${output.length} bytes`,
};
console.log("MEASUREMENT:" + JSON.stringify(result));

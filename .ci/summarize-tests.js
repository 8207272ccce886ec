// Sums the jest summaries ("Tests: 3 failed, 1 skipped, 79 passed, 83 total") of every workspace in a
// test log and prints one closing line per runner plus the overall "N passed, N failed" line.
const fs = require("node:fs");

const text = fs.readFileSync(process.argv[2], "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split("\n")) {
  const match = line.match(/^(?:(\S+):test: )?Tests:\s+(.*)$/);
  if (!match) continue;
  const count = (word) => Number((match[2].match(new RegExp(`(\\d+) ${word}`)) ?? [0, 0])[1]);
  passed += count("passed");
  failed += count("failed");
  skipped += count("skipped") + count("todo");
  console.log(`${match[1] ?? "jest"}: ${match[2]}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);

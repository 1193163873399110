// Reads vitest JSON reports, prints one closing line per run and in total, and fails when any
// test failed, was skipped or left as todo, or when a run executed no test at all.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let empty = false;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests;
  const f = report.numFailedTests;
  const s = report.numPendingTests + report.numTodoTests;
  console.log(`${file}: ${p} passed, ${f} failed, ${s} skipped`);
  if (report.numTotalTests === 0) empty = true;
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || skipped > 0 || empty) {
  console.error(
    failed > 0
      ? 'Some tests failed.'
      : skipped > 0
        ? 'Skipped or todo tests are not allowed.'
        : 'A run executed no test.',
  );
  process.exit(1);
}

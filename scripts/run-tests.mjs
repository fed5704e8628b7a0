// Runs every test with Vitest and ends with the line CI reads: "N passed, M failed".
// Two phases: the suite, then the benchmark's quick run on its own, because the bench loads both
// cores for about two minutes and would otherwise slow the browser tests running beside it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const phases = extra.length
  ? [{ name: 'vitest', args: extra }]
  : [
      { name: 'vitest', args: ['--exclude', 'bench/**'] },
      { name: 'vitest-bench', args: ['bench'] },
    ];

let passed = 0;
let failed = 0;
let skipped = 0;
let code = 0;
for (const phase of phases) {
  const report = `test-results/${phase.name}.json`;
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...phase.args],
    { stdio: 'inherit' },
  );
  let phaseFailed = 0;
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    phaseFailed = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
    skipped += result.numPendingTests + result.numTodoTests;
  } catch {
    phaseFailed = 1;
  }
  if ((run.status ?? 1) !== 0 && phaseFailed === 0) {
    phaseFailed = 1;
  }
  failed += phaseFailed;
  code = code || (run.status ?? 1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : code);

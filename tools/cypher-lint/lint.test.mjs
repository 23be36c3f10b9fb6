// Self-test of the Cypher check: it must fail on deliberately broken statements and pass a valid one, so a green
// check means something. usage: node lint.test.mjs  — exits 1 when the linter does not behave.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lint = (file) => spawnSync(process.execPath, [join(here, 'lint.mjs'), join(here, 'fixtures', file)], { encoding: 'utf8' });

const cases = [
  { file: 'broken-syntax.cypher', status: 1, output: /error: Invalid input '\)'/ },
  { file: 'broken-semantics.cypher', status: 1, output: /error: Variable `q` not defined/ },
  { file: 'good.cypher', status: 0, output: /1 files, 0 errors/ },
];

let failures = 0;
for (const c of cases) {
  const run = lint(c.file);
  const ok = run.status === c.status && c.output.test(run.stdout);
  failures += ok ? 0 : 1;
  console.log(`cypher-lint self-test: ${ok ? 'ok' : 'FAILED'}: ${c.file} (exit ${run.status}, expected ${c.status})`);
  if (!ok) {
    console.log(run.stdout + run.stderr);
  }
}

process.exitCode = failures > 0 ? 1 : 0;

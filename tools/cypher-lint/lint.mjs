// Lints every *.cypher file of the given folders (or files) with Neo4j's own Cypher language support.
// usage: node lint.mjs [PATH…]   (default: ../../cypher)  — exits 1 when any file has an error.
// Parameter errors ("Parameter $x is not defined") are expected without a database schema and filtered out with the
// package's own isNotParamError; warnings are printed but do not fail the check.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lintCypherQuery, isNotParamError } = require('@neo4j-cypher/language-support');

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : [join(here, '..', '..', 'cypher')];

const files = targets.flatMap((target) => {
  const path = resolve(target);
  return statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(path, f))
    : [path];
});

if (files.length === 0) {
  console.error(`cypher-lint: no .cypher files in ${targets.join(', ')}`);
  process.exit(2);
}

export function lintText(text) {
  return lintCypherQuery(text, {}).diagnostics.filter(isNotParamError);
}

let errors = 0;
let warnings = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const d of lintText(text)) {
    const isError = d.severity === 1;
    errors += isError ? 1 : 0;
    warnings += isError ? 0 : 1;
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${isError ? 'error' : 'warning'}: ${d.message}`);
  }
}

console.log(`cypher-lint: ${files.length} files, ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 ? 1 : 0;

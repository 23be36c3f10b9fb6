// Bundles GraphiQL 5 (React, Monaco, the doc explorer and history plugins) with esbuild into ../wwwroot/graphiql:
// graphiql.js + graphiql.css for the page, one file per Monaco web worker, and the licences. Everything is served by
// the host from its embedded wwwroot, so the page needs no network beyond this server.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'wwwroot', 'graphiql');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await build({
  ...common,
  entryPoints: { graphiql: join(here, 'main.jsx') },
  outdir: out,
  jsx: 'automatic',
  // Monaco's codicon font is the only asset its CSS references; inlined, the CSS stands alone.
  loader: { '.ttf': 'dataurl' },
});
await build({
  ...common,
  entryPoints: {
    'editor.worker': join(here, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': join(here, 'node_modules/monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': join(here, 'node_modules/monaco-graphql/esm/graphql.worker.js'),
  },
  outdir: out,
});

const licences = ['graphiql', '@graphiql/react', 'monaco-editor', 'monaco-graphql', 'graphql', 'react', 'react-dom'];
let text = '';
for (const name of licences) {
  const dir = join(here, 'node_modules', name);
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  text += `==== ${name} ${version} ====\n${readFileSync(join(dir, 'LICENSE'), 'utf8').trim()}\n\n`;
}
writeFileSync(join(out, 'LICENSES.txt'), text);
console.log(`bundled graphiql ${JSON.parse(readFileSync(join(here, 'node_modules/graphiql/package.json'), 'utf8')).version} into ${out}`);

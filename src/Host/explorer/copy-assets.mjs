// Copies the pinned front-end libraries from node_modules into ../wwwroot/lib, where the host serves them.
// No bundler is needed: the explorer is plain ES2020 and Cytoscape.js ships a self-contained minified UMD build.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, '..', 'wwwroot', 'lib');
mkdirSync(lib, { recursive: true });
const cytoscape = join(here, 'node_modules', 'cytoscape');
const version = JSON.parse(readFileSync(join(cytoscape, 'package.json'), 'utf8')).version;
copyFileSync(join(cytoscape, 'dist', 'cytoscape.min.js'), join(lib, 'cytoscape.min.js'));
copyFileSync(join(cytoscape, 'LICENSE'), join(lib, 'cytoscape.LICENSE.txt'));
console.log(`copied cytoscape ${version} to ${lib}`);

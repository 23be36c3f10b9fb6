// GraphiQL 5 for CiteGraph's /graphql page. Bundled by build.mjs into ../wwwroot/graphiql; the page loads it as a
// plain same-origin script (no inline script, no CDN), so a strict Content-Security-Policy holds.
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';

// Monaco runs its language services in web workers; build.mjs bundles each into its own file next to this one.
const base = new URL('.', document.currentScript.src);
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, base));
  },
};

// The example queries (README's) are data in the page (a JSON block, never executed), one tab each.
const examples = JSON.parse(document.getElementById('citegraph-examples')?.textContent ?? '[]');
const endpoint = document.getElementById('graphiql').dataset.endpoint ?? location.pathname;

const fetcher = createGraphiQLFetcher({ url: new URL(endpoint, location.href).href });

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={examples.map(e => ({ query: e.query, variables: e.variables ?? undefined, headers: e.headers ?? undefined }))}
    defaultEditorToolsVisibility={false}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
  />,
);

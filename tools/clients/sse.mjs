// Subscribes to the change feed through graphql-sse (distinct connections mode) and prints one JSON line per event with
// the time it arrived (ms since the epoch), then {"done":N} after COUNT events or TIMEOUT_MS.
// Usage: node sse.mjs http://127.0.0.1:PORT/graphql SINCE COUNT [TIMEOUT_MS]
import { createClient } from 'graphql-sse';

const [url, since, count, timeoutMs] = process.argv.slice(2);
if (!url || !since || !count) { console.error('usage: node sse.mjs URL SINCE COUNT [TIMEOUT_MS]'); process.exit(2); }

const client = createClient({ url, retryAttempts: 0 });
const query = `subscription($since: ID!) { changes(since: $since) {
  __typename sequence kind version paperId
  ... on PaperMerged { source line }
  ... on FieldChanged { field old new }
  ... on CitationChange { citedId citationKind evidence } } }`;
const iterator = client.iterate({ query, variables: { since } });
const timer = setTimeout(() => { iterator.return?.(); }, Number(timeoutMs ?? 20000));
let received = 0;
try {
  for await (const result of iterator) {
    if (result.errors) { console.log(JSON.stringify({ errors: result.errors })); break; }
    console.log(JSON.stringify({ at: Date.now(), event: result.data.changes }));
    if (++received >= Number(count)) break;
  }
} catch (error) {
  console.error(error?.message ?? String(error));
  process.exit(1);
} finally {
  clearTimeout(timer);
  client.dispose();
}
console.log(JSON.stringify({ done: received }));

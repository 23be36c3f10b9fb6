// The GraphQL-over-HTTP compliance audit (graphql-http's serverAudits, by the spec's authors) against a running server.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
// Prints one line per audit and a JSON summary as the last line; exits 1 unless every audit is ok.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) { console.error('usage: node audit.mjs URL'); process.exit(2); }

const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
const problems = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    const body = result.response ? await result.response.text().catch(() => '') : '';
    problems.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason, body: body.slice(0, 300) });
  }
  console.log(`${result.status.padEnd(6)} ${audit.id} ${audit.name}${result.status === 'ok' ? '' : ': ' + result.reason}`);
}
console.log(JSON.stringify({ ...counts, problems }));
process.exit(counts.warn + counts.notice + counts.error === 0 ? 0 : 1);

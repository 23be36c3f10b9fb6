// graphql-codegen (typescript + typescript-operations) against a running server: introspects the live endpoint and
// generates TypeScript types for the operations in a folder of .graphql files (the README's examples, written there
// by the .NET test). Usage: node codegen.mjs http://127.0.0.1:PORT/graphql DOCUMENTS_DIR OUT_FILE
// Exits 1 when codegen fails (an operation that does not validate against the live schema fails it).
import { generate } from '@graphql-codegen/cli';

const [url, documents, out] = process.argv.slice(2);
if (!url || !documents || !out) { console.error('usage: node codegen.mjs URL DOCUMENTS_DIR OUT_FILE'); process.exit(2); }

try {
  const files = await generate({
    schema: url,
    documents: `${documents}/*.graphql`,
    generates: { [out]: { plugins: ['typescript', 'typescript-operations'] } },
    silent: true,
    errorsOnly: true,
  }, true);
  console.log(JSON.stringify({ files: files.map(f => f.filename) }));
} catch (error) {
  console.error(error?.details ?? error?.message ?? String(error));
  for (const inner of error?.errors ?? []) console.error(inner?.details ?? inner?.message ?? String(inner));
  process.exit(1);
}

// Introspects a running server as graphql-js clients do (the default query and every option on), rebuilds the schema
// with buildClientSchema, and compares it with the checked-in schema.graphql (findBreakingChanges: the live schema
// must break nothing a client generated from the checked-in one relies on).
// Usage: node introspection.mjs http://127.0.0.1:PORT/graphql ../../schema.graphql
// Prints a JSON summary as the last line; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import {
  assertValidSchema, buildClientSchema, buildSchema, findBreakingChanges, findDangerousChanges, getIntrospectionQuery,
  specifiedDirectives,
} from 'graphql';

const [url, schemaFile] = process.argv.slice(2);
if (!url || !schemaFile) { console.error('usage: node introspection.mjs URL schema.graphql'); process.exit(2); }

const variants = {
  default: getIntrospectionQuery(),
  allOptions: getIntrospectionQuery({
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
  }),
};

const summary = { variants: {}, breaking: [], dangerous: [] };
let failed = false;
const checkedIn = buildSchema(readFileSync(schemaFile, 'utf8'));
for (const [name, query] of Object.entries(variants)) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
    body: JSON.stringify({ query }),
  });
  const result = await response.json();
  if (result.errors || !result.data) {
    summary.variants[name] = { status: response.status, errors: result.errors };
    failed = true;
    continue;
  }
  const schema = buildClientSchema(result.data);
  assertValidSchema(schema);
  summary.variants[name] = {
    status: response.status,
    types: Object.keys(schema.getTypeMap()).length,
    description: schema.description ?? null,
  };
  if (name === 'allOptions') {
    // buildSchema adds graphql-js's own built-in directives (@specifiedBy, @oneOf, its @deprecated locations) to a
    // schema that does not declare them; schema.graphql declares none, so changes to those are graphql-js's defaults
    // meeting GraphQL.NET's, not a change of CiteGraph's API. They are reported apart, never hidden.
    const builtIn = new Set(specifiedDirectives.map(d => d.name));
    const aboutBuiltIn = c => [...builtIn].some(d => c.description.startsWith(`${d} `) || c.description.endsWith(` from ${d}.`));
    const all = findBreakingChanges(checkedIn, schema);
    summary.breaking = all.filter(c => !(c.type.startsWith('DIRECTIVE_') && aboutBuiltIn(c)));
    summary.builtInDirectiveDifferences = all.filter(c => c.type.startsWith('DIRECTIVE_') && aboutBuiltIn(c));
    summary.dangerous = findDangerousChanges(checkedIn, schema);
    if (summary.breaking.length > 0) failed = true;
  }
}
console.log(JSON.stringify(summary));
process.exit(failed ? 1 : 0);

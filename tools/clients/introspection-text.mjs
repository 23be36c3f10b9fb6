// Writes the two introspection queries graphql-js sends (default and every option on) into tests/GraphQL.Tests/Fixtures,
// so the .NET tests check the exact text clients send even where node is not installed.
import { writeFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';

const dir = new URL('../../tests/GraphQL.Tests/Fixtures/', import.meta.url);
writeFileSync(new URL('introspection-default.graphql', dir), getIntrospectionQuery());
writeFileSync(new URL('introspection-all-options.graphql', dir), getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
}));

// One query through @apollo/client (core, no React) against a running server, printed as JSON.
// Usage: node apollo.mjs http://127.0.0.1:PORT/graphql 'QUERY' ['{"variables":1}']
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';

const [uri, query, variables] = process.argv.slice(2);
if (!uri || !query) { console.error("usage: node apollo.mjs URL 'QUERY' [VARIABLES_JSON]"); process.exit(2); }

const client = new ApolloClient({ link: new HttpLink({ uri }), cache: new InMemoryCache() });
try {
  const result = await client.query({ query: gql(query), variables: variables ? JSON.parse(variables) : undefined, fetchPolicy: 'network-only' });
  console.log(JSON.stringify({ data: result.data, error: result.error?.message ?? null }));
} catch (error) {
  console.error(error?.message ?? String(error));
  process.exit(1);
}

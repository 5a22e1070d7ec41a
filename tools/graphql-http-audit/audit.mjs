// Runs the graphql-http server audit (the GraphQL-over-HTTP spec's conformance suite) against a
// running EntityGraph server and prints every result as JSON, so a test or a person can judge it.
// Usage: node audit.mjs http://127.0.0.1:5080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? process.env.ENTITYGRAPH_GRAPHQL_URL ?? 'http://127.0.0.1:5080/graphql';
const results = await auditServer({ url });

const report = results.map((result) => ({
  id: result.id,
  name: result.name,
  requirement: result.name.split(' ')[0],
  status: result.status,
  ...(result.status === 'ok' ? {} : { reason: result.reason }),
}));

console.log(JSON.stringify({ url, results: report }, null, 2));

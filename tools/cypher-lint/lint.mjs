#!/usr/bin/env node
// Usage: node lint.mjs [file-or-directory ...]   (default: the repository's cypher/ folder)
// Lints every .cypher file against the graph model (schema.json). Exits 1 when any statement has
// an error or names a label, relationship type or property key the model does not have.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFiles } from './cypherLint.mjs';

const repositoryCypher = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../cypher');
const { lines, passes } = lintFiles(process.argv.length > 2 ? process.argv.slice(2) : [repositoryCypher]);
console.log(lines.join('\n'));
process.exit(passes ? 0 : 1);

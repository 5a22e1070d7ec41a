// Lints Cypher text against the graph model with Neo4j's own parser and semantic analysis.
import { highlightSyntax, isNotParamError, lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ERROR = 1;

// The library reports labels, relationship types and property keys missing from the schema as
// warnings with this wording; against the graph model they are defects, so they fail the lint.
const notInSchema = / is not present in the database\./;

/**
 * The DbSchema of the graph model, as written by the store tests from GraphModel, with the procedures
 * of a plain Neo4j (the package's catalogue without the APOC and GDS plugins): it types what a
 * procedure yields, so that `YIELD node` is checked as a node, and rejects a procedure a plain Neo4j
 * lacks. The package's function catalogue is left out: with it the semantic analysis fails on
 * larger statements.
 */
export function loadSchema(path = new URL('./schema.json', import.meta.url)) {
  const { labels, relationshipTypes, propertyKeys } = JSON.parse(readFileSync(path, 'utf8'));
  const procedures = Object.fromEntries(
    Object.entries(testData.mockSchema.procedures).map(([version, byName]) => [
      version,
      Object.fromEntries(Object.entries(byName).filter(([name]) => !/^(apoc|gds)\./.test(name))),
    ]),
  );
  return { labels, relationshipTypes, propertyKeys, procedures, defaultLanguage: 'CYPHER 5' };
}

/**
 * Parameters a file declares with Neo4j Browser `:param` lines, commented out or not:
 * `:param name => value`, `:param name: value` or `:params {a: 1, b: 2}`.
 * Returns null when the file declares none.
 */
export function declaredParameters(text) {
  const names = new Set();
  for (const line of text.split('\n')) {
    const match = /^\s*(?:\/\/\s*)?:params?\s+(.*)$/.exec(line);
    if (!match) continue;
    const rest = match[1].trim();
    if (rest.startsWith('{')) {
      for (const key of rest.matchAll(/[{,]\s*(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*:/g)) names.add(key[1].replace(/`/g, ''));
    } else {
      const single = /^(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\s*(=>|:)/.exec(rest);
      if (single) names.add(single[1].replace(/`/g, ''));
    }
  }
  return names.size > 0 ? names : null;
}

/**
 * Lints the statements of one file (several may be separated by `;`). Parameters are checked
 * against the file's `:param` lines when it has any. Each finding has a 1-based line and column
 * and `fails` when it is an error or a name missing from the graph model. Files without `:param`
 * lines (the store's statements, whose parameters come from code) get `uncheckedParameters`.
 */
export function lintText(text, schema) {
  const parameters = declaredParameters(text);
  const dbSchema = { ...schema, parameters: Object.fromEntries([...(parameters ?? [])].map((p) => [p, null])) };
  const linted = lintCypherQuery(text, dbSchema, { consoleCommandsEnabled: true });
  let diagnostics = linted.diagnostics;
  const uncheckedParameters = [];
  if (!parameters) {
    uncheckedParameters.push(...new Set(diagnostics.filter((d) => !isNotParamError(d)).map((d) => d.message.split(' ')[1])));
    diagnostics = diagnostics.filter(isNotParamError);
  }
  const reported = new Set(diagnostics.map((d) => d.offsets.start));
  const findings = diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: d.severity === ERROR ? 'error' : 'warning',
    message: notInSchema.test(d.message) ? inModelWording(d.message) : d.message,
    fails: d.severity === ERROR || notInSchema.test(d.message),
  }));
  const tokens = highlightSyntax(text, { consoleCommandsEnabled: true }).filter((t) => t.tokenType !== 'comment');
  findings.push(...statementsNotAnalysed(tokens, linted.symbolTables));
  if (parameters) findings.push(...unusedParameters(text, parameters, tokens));
  findings.push(...namesMissingFromModel(tokens, schema, linted.symbolTables).filter((f) => !reported.has(f.offset)));
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { uncheckedParameters, findings };
}

// A :param line for a parameter the query no longer uses misleads whoever pastes it.
function unusedParameters(text, parameters, tokens) {
  const used = new Set(tokens.filter((t) => t.tokenType === 'paramValue').map((t) => t.token.replace(/^`|`$/g, '')));
  const lines = text.split('\n');
  return [...parameters]
    .filter((name) => !used.has(name))
    .map((name) => {
      const line = lines.findIndex((l) => new RegExp(`:params?\\s.*\\b${name}\\b`).test(l));
      return {
        line: line + 1,
        column: lines[line].indexOf(':param') + 1,
        severity: 'warning',
        message: `Parameter $${name} is declared by a :param line but not used.`,
        fails: false,
      };
    });
}

// "nme is not present in the database. Make sure …" → "Property key nme is not in the graph model …"
function inModelWording(message) {
  const name = message.slice(0, message.indexOf(' is not present'));
  if (/^(Function|Procedure) /.test(name)) return `${name} is not built into Neo4j (APOC and GDS are not assumed to be installed).`;
  const kind = /^(Label|Relationship type) /.test(name) ? '' : 'Property key ';
  return `${kind}${name} is not in the graph model (tools/cypher-lint/schema.json, written from GraphModel).`;
}

function cypherFiles(target) {
  if (!statSync(target).isDirectory()) return target.endsWith('.cypher') ? [target] : [];
  return readdirSync(target, { recursive: true })
    .filter((name) => name.endsWith('.cypher'))
    .map((name) => join(target, name))
    .sort();
}

/**
 * Lints every .cypher file under the given files or directories. Returns the report lines
 * (`file:line:column: error|warning: message`, then a summary) and whether the run passes:
 * no failing finding, and at least one file.
 */
export function lintFiles(targets, schema = loadSchema()) {
  const files = targets.flatMap(cypherFiles);
  const lines = [];
  const unchecked = [];
  let failing = 0;
  let warnings = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const { findings, uncheckedParameters } = lintText(readFileSync(file, 'utf8'), schema);
    if (uncheckedParameters.length > 0) unchecked.push(`${shown} (${uncheckedParameters.join(', ')})`);
    for (const f of findings) {
      if (f.fails) failing++;
      else warnings++;
      lines.push(`${shown}:${f.line}:${f.column}: ${f.fails ? 'error' : 'warning'}: ${f.message}`);
    }
  }
  if (unchecked.length > 0) lines.push(`cypher-lint: parameters not checked, for want of :param lines: ${unchecked.join('; ')}`);
  lines.push(`cypher-lint: ${files.length} files, ${failing} errors, ${warnings} warnings`);
  return { lines, passes: failing === 0 && files.length > 0 };
}

const queryKeywords = new Set(['MATCH', 'MERGE', 'WITH', 'RETURN', 'UNWIND', 'SET']);

/**
 * The library drops the semantic analysis of a statement silently when it fails, and with it the
 * checks of variables, types and property keys, so a query statement whose variables have no symbol
 * is reported rather than passed. Schema commands (CREATE INDEX …) have no symbols and are skipped.
 */
export function statementsNotAnalysed(tokens, symbolTables) {
  const referenced = new Set(symbolTables.flat().flatMap((s) => s.references));
  const findings = [];
  let statement = [];
  for (const token of [...tokens, { token: ';' }]) {
    if (token.token !== ';') {
      statement.push(token);
      continue;
    }
    const isQuery = statement.some((t) => t.tokenType === 'keyword' && queryKeywords.has(t.token.toUpperCase()));
    const variables = statement.filter((t) => t.tokenType === 'variable');
    if (isQuery && variables.length > 0 && !variables.some((v) => referenced.has(v.position.startOffset))) {
      const first = statement[0].position;
      findings.push({
        line: first.line + 1,
        column: first.startCharacter + 1,
        severity: 'error',
        message: "Neo4j's semantic analysis gave no result for this statement, so its variables, types and property keys went unchecked.",
        fails: true,
      });
    }
    statement = [];
  }
  return findings;
}

/**
 * The library leaves some names unchecked: labels and properties in write clauses (a MERGE or SET may
 * create them in a database) and properties of the variables inside a quantified path pattern. For
 * this project every name must exist in the graph model, or the store would write what nothing reads,
 * so they are checked here with the library's tokens and symbol tables (node and relationship
 * variables only; map keys are not property keys). Findings at the library's own positions are dropped.
 */
function namesMissingFromModel(tokens, schema, symbolTables) {
  const names = new Set([...schema.labels, ...schema.relationshipTypes]);
  const keys = new Set(schema.propertyKeys);
  const entityVariableAt = new Set(
    symbolTables.flat().filter((s) => s.types.includes('Node') || s.types.includes('Relationship')).flatMap((s) => s.references),
  );
  const findings = [];
  const missing = (token, message) =>
    findings.push({ line: token.position.line + 1, column: token.position.startCharacter + 1, offset: token.position.startOffset, severity: 'error', message, fails: true });
  const braces = [];
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    const text = token.token.replace(/^`|`$/g, '');
    if (token.token === ';') braces.length = 0;
    if (token.token === '{') {
      // A property map of a node or relationship pattern — `(n {`, `(:Label {`, `-[r {` — or the right
      // side of `SET n += {…}`; not a map projection (`n {.id, total: …}`, `collect(n {…})`).
      const opener = tokens[i - 2];
      const patternMap =
        before?.tokenType === 'label' ||
        (before?.tokenType === 'variable' &&
          ((opener?.token === '(' && !['function', 'predicateFunction'].includes(tokens[i - 3]?.tokenType)) ||
            (opener?.token === '[' && tokens[i - 3]?.token === '-')));
      const setMap = before && (before.token === '+=' || before.token === '=') && entityVariableAt.has(tokens[i - 2]?.position.startOffset);
      braces.push(Boolean(patternMap || setMap));
    }
    if (token.token === '}') braces.pop();
    if (token.tokenType === 'label' && !names.has(text)) {
      missing(token, `Label or relationship type ${text} is not in the graph model (tools/cypher-lint/schema.json, written from GraphModel).`);
    }
    const accessed = before?.token === '.' && entityVariableAt.has(tokens[i - 2]?.position.startOffset);
    const inEntityMap = braces.at(-1) === true && tokens[i + 1]?.token === ':';
    if ((token.tokenType === 'property' || token.tokenType === 'variable') && (accessed || inEntityMap) && !keys.has(text)) {
      missing(token, `Property key ${text} is not in the graph model (tools/cypher-lint/schema.json, written from GraphModel).`);
    }
  });
  return findings;
}

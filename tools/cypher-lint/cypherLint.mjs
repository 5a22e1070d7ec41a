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
export function lintText(text, schema, { investigatorQuery = false } = {}) {
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
  findings.push(...versionAndBounds(text, tokens, investigatorQuery));
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
    const investigatorQuery = /(^|[\\/])explore[\\/]/.test(file);
    const { findings, uncheckedParameters } = lintText(readFileSync(file, 'utf8'), schema, { investigatorQuery });
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

// The Neo4j release from which a Cypher 25 feature exists (Cypher 25 itself: 2025.06).
const cypher25Features = [
  { pattern: /\ballReduce(?=\s*\()/g, since: [2025, 8] },
  { pattern: /\bcoll\.[a-zA-Z]+(?=\s*\()/g, since: [2025, 11] },
];
const cypher25Since = [2025, 6];
const oldestSupported = [5, 26];

const release = ([major, minor]) => `${major}.${major >= 2025 ? String(minor).padStart(2, '0') : minor}`;
const before = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The minimum Neo4j a file declares with a `// Neo4j: 5.26 or later` header line, as [major, minor], or null. */
export function declaredNeo4j(text) {
  const match = /^\s*\/\/\s*Neo4j:\s*(\d+)\.(\d+)\s+or later/m.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * The library parses each statement as the Cypher version it starts with (`CYPHER 25`, else Cypher 5),
 * so a Cypher 25 form in a Cypher 5 statement is already a syntax error; it cannot know from which Neo4j
 * release a Cypher 25 feature exists. So a file that declares its minimum Neo4j is checked here against
 * it: `CYPHER 25` needs 2025.06, and allReduce or the coll.* functions the release that brought them.
 * An investigator's query (cypher/explore/) must declare its version and be bounded: no variable-length
 * relationship or path quantifier without an upper bound, and a LIMIT after its last RETURN.
 */
export function versionAndBounds(text, tokens, investigatorQuery) {
  const findings = [];
  const code = text.replace(/(^|[ \t])\/\/.*$/gm, (m) => ' '.repeat(m.length));
  const at = (offset, message) => {
    const lines = text.slice(0, offset).split('\n');
    findings.push({ line: lines.length, column: lines.at(-1).length + 1, severity: 'error', message, fails: true });
  };
  const declared = declaredNeo4j(text);
  if (!declared) {
    if (investigatorQuery) at(0, 'An investigator query must declare the Neo4j it needs in a header line, e.g. "// Neo4j: 5.26 or later".');
  } else {
    if (before(declared, oldestSupported)) at(0, `The file declares Neo4j ${release(declared)}; EntityGraph supports ${release(oldestSupported)} or later.`);
    const statements = code.split(/;\s*(?:\n|$)/);
    let offset = 0;
    for (const statement of statements) {
      const cypher25 = /^\s*CYPHER\s+25\b/i.test(statement);
      const start = offset + statement.search(/\S|$/);
      if (cypher25 && before(declared, cypher25Since)) {
        at(start, `CYPHER 25 needs Neo4j ${release(cypher25Since)} or later; the file declares ${release(declared)}.`);
      }
      for (const feature of cypher25Features) {
        for (const use of statement.matchAll(feature.pattern)) {
          if (!cypher25) at(offset + use.index, `${use[0]} is Cypher 25 only; this statement runs as Cypher 5 (start it with CYPHER 25 and declare Neo4j ${release(feature.since)} or later).`);
          else if (before(declared, feature.since)) at(offset + use.index, `${use[0]} needs Neo4j ${release(feature.since)} or later; the file declares ${release(declared)}.`);
        }
      }
      offset += statement.length + (code.slice(offset + statement.length).match(/^;\s*(?:\n|$)/)?.[0].length ?? 0);
    }
  }
  if (!investigatorQuery && !declared) return findings;
  for (const use of code.matchAll(/\[[^\]]*?\*\s*(\d*)\s*(\.\.\s*(\d*))?\s*\]/g)) {
    const unbounded = use[2] ? use[3] === '' : use[1] === '';
    if (unbounded) at(use.index, 'A variable-length relationship without an upper bound can expand without end on a hub; give it one (*1..6) or use a quantified path pattern with {m,n}.');
  }
  for (const use of code.matchAll(/(\)|\]-|->|-)\s*(\+|\*|\{\s*\d*\s*,\s*\})(?=\s*[(\-<])/g)) {
    at(use.index + use[1].length, 'A path quantifier without an upper bound can expand without end on a hub; use {m,n}.');
  }
  const keywords = tokens.filter((t) => t.tokenType === 'keyword').map((t) => ({ word: t.token.toUpperCase(), offset: t.position.startOffset }));
  const lastReturn = keywords.findLast((k) => k.word === 'RETURN');
  if (lastReturn && !keywords.some((k) => k.word === 'LIMIT' && k.offset > lastReturn.offset)) {
    at(lastReturn.offset, 'The query returns every row it finds; end it with a LIMIT so that a hub cannot make it return millions.');
  }
  return findings;
}

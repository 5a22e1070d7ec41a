// The lint must pass the repository's Cypher and must fail each kind of defect it exists to catch.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { highlightSyntax } from '@neo4j-cypher/language-support';
import { lintFiles, statementsNotAnalysed } from '../cypherLint.mjs';

const tool = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(name, import.meta.url));

function cli(...paths) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['lint.mjs', ...paths], { cwd: tool });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => done({ status, output }));
  });
}

describe('the command', { concurrency: true }, () => {
  it('passes every Cypher file of the repository against the graph model', async () => {
    const { status, output } = await cli();
    assert.equal(status, 0, output);
    assert.match(output, /cypher-lint: \d+ files, 0 errors/);
  });
  it('exits 1 on a file with an unknown label, naming file, line and column', async () => {
    const { status, output } = await cli('test/bad-label.cypher');
    assert.equal(status, 1, output);
    assert.match(output, /^test\/bad-label\.cypher:2:10: error: Label Compnay/m);
  });
});

test('a file of several statements, Cypher 5 and Cypher 25, with declared parameters passes', () => {
  const { lines, passes } = lintFiles([fixture('good.cypher')]);
  assert.ok(passes, lines.join('\n'));
});

const defects = [
  ['bad-syntax.cypher', /bad-syntax\.cypher:3:1: error: Invalid input 'RETURN'/],
  ['bad-label.cypher', /bad-label\.cypher:2:10: error: Label Compnay is not in the graph model/],
  ['bad-relationship-type.cypher', /bad-relationship-type\.cypher:2:19: error: Relationship type OWNED_BY is not in the graph model/],
  ['bad-property.cypher', /bad-property\.cypher:3:10: error: Property key value is not in the graph model/],
  ['bad-written-property.cypher', /bad-written-property\.cypher:3:7: error: Property key nationality is not in the graph model/],
  ['bad-path-pattern-property.cypher', /bad-path-pattern-property\.cypher:3:55: error: Property key valueUSD is not in the graph model/],
  ['bad-parameter.cypher', /bad-parameter\.cypher:2:21: error: Parameter \$partyID is not defined/],
  ['bad-procedure.cypher', /bad-procedure\.cypher:3:6: error: Procedure apoc\.path\.subgraphNodes is not built into Neo4j/],
  ['bad-yielded-property.cypher', /bad-yielded-property\.cypher:4:13: error: Property key nme is not in the graph model/],
  ['bad-second-statement.cypher', /bad-second-statement\.cypher:4:10: error: Label Sanctions is not in the graph model/],
  ['bad-unbounded-var-length.cypher', /bad-unbounded-var-length\.cypher:2:36: error: A variable-length relationship without an upper bound/],
  ['bad-unbounded-quantifier.cypher', /bad-unbounded-quantifier\.cypher:2:83: error: A path quantifier without an upper bound/],
  ['bad-no-limit.cypher', /bad-no-limit\.cypher:3:1: error: The query returns every row it finds; end it with a LIMIT/],
  ['bad-cypher25-declared-5.cypher', /bad-cypher25-declared-5\.cypher:2:1: error: CYPHER 25 needs Neo4j 2025\.06 or later; the file declares 5\.26/],
  ['bad-allreduce-too-early.cypher', /bad-allreduce-too-early\.cypher:4:7: error: allReduce needs Neo4j 2025\.08 or later; the file declares 2025\.06/],
  ['bad-cypher25-function-in-5.cypher', /bad-cypher25-function-in-5\.cypher:3:8: error: coll\.distinct is Cypher 25 only; this statement runs as Cypher 5/],
  ['explore/bad-no-version.cypher', /bad-no-version\.cypher:1:1: error: An investigator query must declare the Neo4j it needs/],
];

for (const [file, expected] of defects) {
  test(`${file} fails with its position and message`, () => {
    const { lines, passes } = lintFiles([fixture(file)]);
    assert.equal(passes, false, lines.join('\n'));
    assert.match(lines.join('\n'), expected);
  });
}

test('a run that finds no Cypher file fails rather than passing vacuously', () => {
  const { lines, passes } = lintFiles([fixture('lint.test.mjs')]);
  assert.equal(passes, false, lines.join('\n'));
});

test('a query statement the semantic analysis gave nothing for is reported, not passed; a schema command is not', () => {
  const text = 'CREATE INDEX shipment_date IF NOT EXISTS FOR (n:Shipment) ON (n.dateEarliest);\nMATCH (p:Party) RETURN p.name;';
  const tokens = highlightSyntax(text).filter((t) => t.tokenType !== 'comment');
  const findings = statementsNotAnalysed(tokens, [[], []]);
  assert.deepEqual(findings.map((f) => [f.line, f.column, f.fails]), [[2, 1, true]]);
});

test('a declared parameter the query does not use is a warning, not a failure', () => {
  const { lines, passes } = lintFiles([fixture('warn-unused-parameter.cypher')]);
  assert.ok(passes, lines.join('\n'));
  assert.match(lines.join('\n'), /warn-unused-parameter\.cypher:3:4: warning: Parameter \$asOf is declared by a :param line but not used/);
});

/**
 * The house keeps its own design (issue 13, points 2 to 4): no import circle between the files of
 * `packages/` (core, server and web), no feature module importing `app.ts` (modules take `Deps` and
 * `nowOf` from `deps.ts`), no transaction opened in a route file (the command owns it), and no module
 * reading the system clock: "now" and "today" come from the injected clock (`nowOf(deps)`), so every rule
 * can be replayed for any day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { circlesOf, importGraph, specifiersOf } from './test/import-graph.ts';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const graph = importGraph(repository);
const MODULES = 'packages/server/src/modules/';
const APP = 'packages/server/src/app.ts';
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** `line: text` of every `new Date()` without an argument and every `Date.now()` in a source. */
function systemClockReads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isDate = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'Date';
  const visit = (node: ts.Node) => {
    const read =
      (ts.isNewExpression(node) && isDate(node.expression) && (node.arguments?.length ?? 0) === 0) ||
      (ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        isDate(node.expression.expression) &&
        node.expression.name.text === 'now');
    if (read) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the import graph reader', () => {
  it('reads imports, type imports, re-exports and bare imports, not dynamic ones', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import './c.css';",
      "export { d } from './d.ts';",
      "export type * from './e.ts';",
      "const f = await import('./f.ts');",
      "// import { g } from './g.ts';",
    ].join('\n');
    expect(specifiersOf('x.ts', text)).toEqual(['./a.ts', '../b.ts', './c.css', './d.ts', './e.ts']);
  });

  it('names each circle by a walk back to its first file, and finds none in a tree', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['g.ts']],
      ['g.ts', ['f.ts', 'h.ts']],
      ['h.ts', ['f.ts']],
    ]);
    expect(circlesOf(edges)).toEqual([
      'a.ts → b.ts → c.ts → a.ts',
      'e.ts → e.ts',
      'f.ts → g.ts → f.ts (3 files in all: f.ts, g.ts, h.ts)',
    ]);
    expect(
      circlesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads every package and resolves each import of the repository’s own code', () => {
    const files = [...graph.edges.keys()];
    for (const name of ['core', 'server', 'web']) {
      expect(files.some((f) => f.startsWith(`packages/${name}/src/`))).toBe(true);
    }
    expect(graph.edges.get(APP)).toContain('packages/server/src/modules/auth/routes.ts');
    // '@nennep/core' and its subpaths resolve through core's package.json `exports`.
    const intoCore = [...graph.edges.values()].flat().filter((f) => f.startsWith('packages/core/src/'));
    expect(intoCore).toContain('packages/core/src/index.ts');
    expect(graph.unresolved).toEqual([]);
  });

  it('finds the reads of the system clock, not dates built from a value', () => {
    const text =
      'const a = new Date();\nconst b = new Date(a);\nconst c = Date.now() + new Date(d).getTime();';
    expect(systemClockReads('x.ts', text)).toEqual(['1: new Date()', '3: Date.now()']);
  });
});

describe('the house', () => {
  it('has no import circle between files of packages/', () => {
    expect(circlesOf(graph.edges)).toEqual([]);
  });

  it('has no feature module importing app.ts (Deps and nowOf come from deps.ts)', () => {
    const importers = [...graph.edges]
      .filter(([file, targets]) => file.startsWith(MODULES) && !isTest(file) && targets.includes(APP))
      .map(([file]) => file);
    expect(importers).toEqual([]);
  });

  it('opens no transaction in a route file: routes call one command, which owns its transaction', () => {
    // A check made in the route and a write in a transaction the route opens would leave the check outside
    // the transaction it guards; a command reads, locks and checks its row inside its own (issue 13, point 2).
    const routeFiles = [...graph.edges.keys()].filter(
      (file) => file.startsWith(MODULES) && !isTest(file) && /\/routes[^/]*\.ts$/.test(file),
    );
    expect(routeFiles.length).toBeGreaterThan(20);
    const opening = routeFiles.filter((file) =>
      readFileSync(join(repository, file), 'utf8').includes('.transaction('),
    );
    expect(opening).toEqual([]);
  });

  it('reads the system clock nowhere in the modules: only through the injected clock', () => {
    const reads: string[] = [];
    for (const file of graph.edges.keys()) {
      if (!file.startsWith(MODULES) || isTest(file)) continue;
      const text = readFileSync(join(repository, file), 'utf8');
      for (const read of systemClockReads(file, text)) reads.push(`${file}:${read}`);
    }
    expect(reads).toEqual([]);
  });
});

/**
 * The import graph of the sources under `packages/<name>/src`: every `import … from`, `import type …`,
 * `export … from` and bare `import '…'` of a `.ts`/`.tsx` file, resolved to the file it names (relative
 * paths, and `@nennep/core` through the `exports` of its package.json). Dynamic `import()` is left out: it
 * loads later, on demand, and cannot tie modules into a loop at load time. Used by architecture.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Path relative to the repository → the files it imports (relative paths too), sorted. */
  edges: Map<string, string[]>;
  /** `file: 'specifier'` for every import of this repository's code that names no file. */
  unresolved: string[];
}

/** Files other than code that sources import for their bundler (styles, pictures). */
const ASSET = /\.(css|svg|png|jpe?g|gif|webp|woff2?|json)(\?.*)?$/;

/** `.ts`/`.tsx` files under a folder, node_modules and build output left out. */
export function codeFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...codeFiles(path));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** The module specifiers of a file's static imports and re-exports, `import type` included. */
export function specifiersOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      out.push(statement.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    ) {
      out.push(statement.moduleReference.expression.text);
    }
  }
  return out;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file a path names, trying the extensions and index files TypeScript would; null when none. */
function fileAt(path: string): string | null {
  for (const candidate of [
    path,
    `${path}.ts`,
    `${path}.tsx`,
    join(path, 'index.ts'),
    join(path, 'index.tsx'),
  ]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

/** `@nennep/<name>` and its subpaths → files, from each workspace package's `exports`. */
function workspaceEntries(packagesDir: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const name of readdirSync(packagesDir)) {
    const manifest = join(packagesDir, name, 'package.json');
    if (!isFile(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      exports?: Record<string, string>;
    };
    if (!json.name || !json.exports) continue;
    for (const [subpath, target] of Object.entries(json.exports)) {
      if (typeof target !== 'string') continue;
      const specifier = subpath === '.' ? json.name : `${json.name}/${subpath.replace(/^\.\//, '')}`;
      entries.set(specifier, resolve(packagesDir, name, target));
    }
  }
  return entries;
}

/** Reads the graph of every `packages/<name>/src` under the repository root. */
export function importGraph(repository: string): ImportGraph {
  const packagesDir = join(repository, 'packages');
  const entries = workspaceEntries(packagesDir);
  const files = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name, 'src'))
    .filter((src) => existsSync(src))
    .flatMap(codeFiles);
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  const name = (path: string) => relative(repository, path).split('\\').join('/');
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of specifiersOf(file)) {
      const ours = specifier.startsWith('.') || specifier.startsWith('@nennep/');
      if (!ours || ASSET.test(specifier)) continue;
      const target = specifier.startsWith('.')
        ? fileAt(resolve(dirname(file), specifier))
        : (entries.get(specifier) ?? null);
      if (target) targets.add(name(target));
      else unresolved.push(`${name(file)}: '${specifier}'`);
    }
    edges.set(name(file), [...targets].sort());
  }
  return { edges, unresolved };
}

/**
 * Every circle of the graph, one per strongly connected component (Tarjan), each written as a walk
 * `a.ts → b.ts → a.ts` that starts at the component's first file in sorted order. A file importing
 * itself is a circle too.
 */
export function circlesOf(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  // Iterative, so a deep chain of imports cannot overflow the call stack.
  for (const root of [...edges.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = (edges.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  }
  return components.map((component) => walkOf(edges, component)).sort();
}

/** The shortest walk from a component's first file back to it, staying inside the component. */
function walkOf(edges: ReadonlyMap<string, readonly string[]>, component: string[]): string {
  const members = new Set(component);
  const start = component[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of edges.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const walk = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at))
          walk.unshift(at);
        walk.unshift(start);
        const more =
          component.length > walk.length - 1
            ? ` (${component.length} files in all: ${component.join(', ')})`
            : '';
        return walk.join(' → ') + more;
      }
      if (!cameFrom.has(target) && target !== start) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return component.join(' → ');
}

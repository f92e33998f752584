/**
 * One contract from core to form (issue 13, point 1): the web keeps no copy of what core defines, and no
 * zod reaches its bundle. Fails when a file of packages/web/src
 * - declares an exported type, interface or constant under a name core exports (or core's `…Dto` of it),
 * - writes a length limit as a number (`maxLength={500}`) instead of core's constant (`ORG_LIMITS.note`),
 * - imports core's zod schemas other than as types (`import type`, erased at build),
 * - imports at run time a core subpath that pulls in zod,
 * - in a feature whose answers core defines (`ANSWERED_BY_CORE`), types an API call with anything but core's DTOs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = join(repository, 'packages/core');
const WEB = join(repository, 'packages/web/src');

/**
 * Web features whose every API answer is a DTO of core (imports: preview, job, commit; audit: the log).
 * A feature joins the list once core states its answers.
 */
const ANSWERED_BY_CORE = ['features/imports', 'features/audit'];

const parsed = new Map<string, ts.SourceFile>();

/** The syntax tree of a file, parsed once per text (each check below walks every web file). */
function sourceOf(file: string, text: string): ts.SourceFile {
  const known = parsed.get(file);
  if (known?.text === text) return known;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  parsed.set(file, source);
  return source;
}

const line = (source: ts.SourceFile, node: ts.Node) =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every name a core file exports, types and values alike, following `export … from` (read, not type-checked). */
function exportsOf(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  const source = sourceOf(file, readFileSync(file, 'utf8'));
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? resolve(dirname(file), statement.moduleSpecifier.text)
          : null;
      if (!statement.exportClause && from) {
        for (const name of exportsOf(from, seen)) names.add(name);
      } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
    } else if (isExported(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if (
        (ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isEnumDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isFunctionDeclaration(statement)) &&
        statement.name
      ) {
        names.add(statement.name.text);
      }
    }
  }
  return names;
}

/** `line: name` of every exported declaration of a web file that copies a name of core (or its `…Dto`). */
function copiedNames(file: string, text: string, core: ReadonlySet<string>): string[] {
  const source = sourceOf(file, text);
  const found: string[] = [];
  const check = (node: ts.Node, name: string) => {
    const copy = core.has(name) ? name : core.has(`${name}Dto`) ? `${name}Dto` : null;
    if (copy) found.push(`${line(source, node)}: ${name} (core: ${copy})`);
  };
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (
      (ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement)) &&
      statement.name
    ) {
      check(statement, statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) check(declaration, declaration.name.text);
      }
    }
  }
  return found;
}

/** `line: text` of every `maxLength` (JSX attribute or property) given as a number. */
function literalLimits(file: string, text: string): string[] {
  const source = sourceOf(file, text);
  const found: string[] = [];
  const isNumber = (node: ts.Node | undefined): boolean =>
    !!node &&
    (ts.isNumericLiteral(node) ||
      (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) ||
      (ts.isParenthesizedExpression(node) && isNumber(node.expression)));
  const visit = (node: ts.Node) => {
    if (
      ts.isJsxAttribute(node) &&
      node.name.getText(source) === 'maxLength' &&
      node.initializer &&
      ts.isJsxExpression(node.initializer) &&
      isNumber(node.initializer.expression)
    ) {
      found.push(`${line(source, node)}: ${node.getText(source)}`);
    } else if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === 'maxLength' &&
      isNumber(node.initializer)
    ) {
      found.push(`${line(source, node)}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Static imports and re-exports of a file: the module named, and whether only types come through. */
function importsOf(file: string, text: string): { line: number; from: string; typeOnly: boolean }[] {
  const source = sourceOf(file, text);
  const out: { line: number; from: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (
      !(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ||
      !statement.moduleSpecifier ||
      !ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      continue;
    }
    const typeOnly = ts.isImportDeclaration(statement)
      ? (statement.importClause?.isTypeOnly ?? false)
      : statement.isTypeOnly;
    out.push({ line: line(source, statement), from: statement.moduleSpecifier.text, typeOnly });
  }
  return out;
}

/** The web's calls of the API, whose type argument is the answer's type (lib/api.ts, lib/upload.ts). */
const API_CALLS = new Set(['apiGet', 'apiPost', 'apiPatch', 'apiPut', 'apiDelete', 'uploadFile']);

/**
 * `line: text` of every answer type of an API call that is not core's: a shape written out (`{ total: number }`)
 * or a name the file does not import from `@nennep/core` (declared in the web, so a copy of the server's answer).
 */
function handWrittenAnswers(file: string, text: string): string[] {
  const source = sourceOf(file, text);
  const fromCore = new Set<string>();
  for (const statement of source.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      /^@nennep\/core(\/|$)/.test(statement.moduleSpecifier.text) &&
      bindings &&
      ts.isNamedImports(bindings)
    ) {
      for (const element of bindings.elements) fromCore.add(element.name.text);
    }
  }
  const found: string[] = [];
  const checkType = (node: ts.TypeNode) => {
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(source);
      if (!fromCore.has(name)) found.push(`${line(source, node)}: ${name} (not from core)`);
      for (const argument of node.typeArguments ?? []) checkType(argument);
    } else if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
      for (const part of node.types) checkType(part);
    } else if (ts.isArrayTypeNode(node)) {
      checkType(node.elementType);
    } else if (ts.isParenthesizedTypeNode(node)) {
      checkType(node.type);
    } else if (
      node.kind !== ts.SyntaxKind.UnknownKeyword &&
      !(ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword)
    ) {
      found.push(`${line(source, node)}: ${node.getText(source)}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      API_CALLS.has(node.expression.text) &&
      node.typeArguments
    ) {
      for (const argument of node.typeArguments) checkType(argument);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `@nennep/core` and its subpaths → files, from core's package.json `exports`. */
function coreEntries(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(CORE, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  return new Map(
    Object.entries(manifest.exports).map(([key, path]) => [
      key === '.' ? '@nennep/core' : `@nennep/core/${key.slice(2)}`,
      resolve(CORE, path),
    ]),
  );
}

/** The chain of run-time imports from a core file to zod, or null when it never gets there. */
function pathToZod(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const { from, typeOnly } of importsOf(file, readFileSync(file, 'utf8'))) {
    if (typeOnly) continue;
    if (from === 'zod' || from.startsWith('zod/')) return [relative(repository, file), 'zod'];
    if (!from.startsWith('.')) continue;
    const next = resolve(dirname(file), from);
    if (!existsSync(next)) continue;
    const chain = pathToZod(next, seen);
    if (chain) return [relative(repository, file), ...chain];
  }
  return null;
}

function webFiles(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return webFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the readers of web code', () => {
  const core = new Set(['OrgKind', 'MeDto', 'ORG_LIMITS']);

  it('find an exported copy of a core name, or of a core DTO without its suffix', () => {
    const text = [
      "export type OrgKind = 'cell';",
      'export interface Me { username: string }',
      'export const ORG_LIMITS = { note: 500 };',
      'interface MeDto { local: true }',
      'export interface Filters { org?: string }',
      "export type { OrgKind as Kind } from '@nennep/core/orgs/types';",
    ].join('\n');
    expect(copiedNames('x.ts', text, core)).toEqual([
      '1: OrgKind (core: OrgKind)',
      '2: Me (core: MeDto)',
      '3: ORG_LIMITS (core: ORG_LIMITS)',
    ]);
  });

  it('find a length limit written as a number, not one named', () => {
    const text = [
      'const a = <Input maxLength={500} />;',
      'const b = <Input maxLength={ORG_LIMITS.note} />;',
      'const c = { maxLength: 40, max: 3 };',
      'const d = <Input.TextArea rows={2} maxLength={(8000)} />;',
    ].join('\n');
    expect(literalLimits('x.tsx', text)).toEqual([
      '1: maxLength={500}',
      '3: maxLength: 40',
      '4: maxLength={(8000)}',
    ]);
  });

  it('tell type-only imports from those that load the module', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B } from './b';",
      "import { C } from './c';",
      "export type { D } from './d';",
      "export { E } from './e';",
    ].join('\n');
    expect(importsOf('x.ts', text).map((i) => `${i.from} ${i.typeOnly}`)).toEqual([
      './a true',
      './b false',
      './c false',
      './d true',
      './e false',
    ]);
  });

  it('find an API answer typed by the web rather than by core', () => {
    const text = [
      "import type { AuditLogDto } from '@nennep/core';",
      "import type { ImportJobDto } from '@nennep/core/imports/types';",
      'interface AuditItem { at: string }',
      "apiGet<AuditLogDto>('/api/audit');",
      "apiGet<ImportJobDto | null>('/api/imports/1');",
      "apiGet<{ total: number; items: AuditItem[] }>('/api/audit');",
      "apiPost<AuditItem[]>('/api/x');",
      "uploadFile<unknown>('/api/y', file);",
      "get<{ local: true }>('/elsewhere');",
    ].join('\n');
    expect(handWrittenAnswers('x.ts', text)).toEqual([
      '6: { total: number; items: AuditItem[] }',
      '7: AuditItem (not from core)',
    ]);
  });

  it('follow run-time imports of core down to zod', () => {
    expect(pathToZod(join(CORE, 'src/orgs/schemas.ts'))).toEqual([
      'packages/core/src/orgs/schemas.ts',
      'zod',
    ]);
    expect(pathToZod(join(CORE, 'src/orgs/types.ts'))).toBeNull();
  });
});

// Parsing every file of the web takes a few seconds on a loaded machine.
describe('the web', { timeout: 30_000 }, () => {
  const files = webFiles().map((file) => ({
    file,
    name: relative(repository, file),
    text: readFileSync(file, 'utf8'),
  }));
  const entries = coreEntries();

  it('is read whole', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('declares no type or constant that core defines: it imports them', () => {
    const core = exportsOf(join(CORE, 'src/index.ts'));
    expect(core.has('MeetingDetailDto')).toBe(true);
    const copies = files.flatMap(({ file, name, text }) =>
      copiedNames(file, text, core).map((found) => `${name}:${found}`),
    );
    expect(copies).toEqual([]);
  });

  it("types the answers of the features core defines them for with core's DTOs, none written out", () => {
    const core = exportsOf(join(CORE, 'src/index.ts'));
    for (const dto of [
      'ImportPreviewDto',
      'ImportJobDto',
      'ImportResultDto',
      'AuditLogDto',
      'AuditEventDto',
    ]) {
      expect(core.has(dto), dto).toBe(true);
    }
    const answered = files.filter(({ name }) =>
      ANSWERED_BY_CORE.some((folder) => name.startsWith(`packages/web/src/${folder}/`)),
    );
    expect(answered.length).toBeGreaterThanOrEqual(ANSWERED_BY_CORE.length);
    const calls = answered.flatMap(({ text }) => text.match(/\b(api[A-Z]\w*|uploadFile)</g) ?? []);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    const written = answered.flatMap(({ file, name, text }) =>
      handWrittenAnswers(file, text).map((found) => `${name}:${found}`),
    );
    expect(written).toEqual([]);
  });

  it('takes every length limit from core, never a number', () => {
    const literals = files.flatMap(({ file, name, text }) =>
      literalLimits(file, text).map((found) => `${name}:${found}`),
    );
    expect(literals).toEqual([]);
  });

  it('imports core only through its subpaths, and what loads at run time holds no zod', () => {
    const problems: string[] = [];
    for (const { file, name, text } of files) {
      for (const { line: at, from, typeOnly } of importsOf(file, text)) {
        if (from !== '@nennep/core' && !from.startsWith('@nennep/core/')) continue;
        const target = entries.get(from);
        if (!target) {
          problems.push(`${name}:${at}: ${from} is not a subpath of core's package.json`);
        } else if (!typeOnly) {
          const chain = pathToZod(target);
          if (chain)
            problems.push(`${name}:${at}: ${from} loads zod (${chain.join(' → ')}): use \`import type\``);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

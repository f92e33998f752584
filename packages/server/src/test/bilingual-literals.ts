/**
 * Finds the bilingual texts written in the source: `{ vi: '…', en: '…' }` objects and calls whose last
 * two arguments are a Vietnamese and an English text (`p.add(row, field, vi, en)`, `t(vi, en)`).
 * Interpolations `${…}` are kept as `{…}`, so the language check skips them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface BilingualLiteral {
  file: string;
  line: number;
  vi: string;
  en: string;
  /** The source of the interpolated expressions (`input.meetingId`), to catch ids put in a text. */
  expressions: string[];
}

/** `.ts` files under a folder, tests and declaration files left out. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations') out.push(...sourceFiles(path));
    } else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The text of a string or template literal, `${…}` as `{…}`; null for anything else. */
function textOf(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isParenthesizedExpression(node)) return textOf(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => `{…}${span.literal.text}`).join('');
  }
  return null;
}

function propertyText(object: ts.ObjectLiteralExpression, name: string): string | null | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)
      return textOf(p.initializer);
  }
  return undefined;
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** Where a function takes its texts: `add(row, field, vi, en)` → `{ at: 2, count: 4 }`. */
export type BilingualFunctions = Map<string, { at: number; count: number }[]>;

/**
 * The functions and methods taking a Vietnamese text and then its English one (parameters named
 * `vi` and `en`), by name; one name may have several shapes, told apart by their number of arguments.
 */
export function bilingualFunctions(files: string[]): BilingualFunctions {
  const found: BilingualFunctions = new Map();
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) {
      const names = node.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
      const at = names.findIndex((n, i) => n === 'vi' && names[i + 1] === 'en');
      const holder = ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node.parent : node;
      const name = holder && 'name' in holder && holder.name ? nameOf(holder.name as ts.Node) : undefined;
      if (at >= 0 && name) found.set(name, [...(found.get(name) ?? []), { at, count: names.length }]);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(parse(file));
  return found;
}

/** Every bilingual literal of one file: `{ vi, en }` objects and calls of the functions above. */
export function bilingualLiterals(
  file: string,
  root: string,
  functions: BilingualFunctions,
): BilingualLiteral[] {
  const source = parse(file);
  const found: BilingualLiteral[] = [];
  const push = (node: ts.Node, vi: string, en: string) => {
    const expressions: string[] = [];
    const collect = (n: ts.Node) => {
      if (ts.isTemplateSpan(n)) expressions.push(n.expression.getText(source));
      ts.forEachChild(n, collect);
    };
    collect(node);
    found.push({
      file: relative(root, file),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      vi,
      en,
      expressions,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const vi = propertyText(node, 'vi');
      const en = propertyText(node, 'en');
      if (typeof vi === 'string' && typeof en === 'string') push(node, vi, en);
    } else if (ts.isCallExpression(node)) {
      const shapes = functions.get(nameOf(node.expression) ?? '') ?? [];
      const at = shapes.find((shape) => shape.count === node.arguments.length)?.at;
      const vi = at === undefined ? null : textOf(node.arguments[at]);
      const en = at === undefined ? null : textOf(node.arguments[at + 1]);
      if (vi !== null && en !== null) push(node, vi, en);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The words given as `message: '…'` in calls (zod's `.regex(…, { message })`, `.refine(…)`, issues
 * pushed by hand): core's schemas put a code of CHECK_MESSAGES there, so the server can say it in both
 * languages. Template messages are listed too: they cannot be codes.
 */
export function checkMessages(file: string, root: string): { at: string; message: string }[] {
  const source = parse(file);
  const found: { at: string; message: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'message' &&
      ts.isObjectLiteralExpression(node.parent) &&
      propertyText(node.parent, 'vi') === undefined &&
      ts.isCallExpression(node.parent.parent)
    ) {
      const message = textOf(node.initializer);
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (message !== null) found.push({ at: `${relative(root, file)}:${line}`, message });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

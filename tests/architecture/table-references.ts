import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A table named in a module's SQL: by a Kysely builder call, `sql.table`, a bulk insert or raw SQL text. */
export interface TableReference {
  module: string;
  file: string;
  table: string;
  line: number;
}

const BUILDER_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
]);
/** Helpers of db/ that take a table name as a string argument. */
const TABLE_ARGUMENT_HELPERS = new Set(['insertRowsFast']);
const RAW_SQL = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;

export const MODULES_DIR = join(import.meta.dirname, '../../src/server/modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function parse(path: string, text = readFileSync(path, 'utf8')) {
  return ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function tableName(literal: string): string {
  return literal
    .trim()
    .split(/\s+as\s+/i)[0]
    .trim();
}

/** Which module declares each table, read from the `interface DB` blocks of every `*.tables.ts`. */
export function tableOwners(modulesDir = MODULES_DIR): Map<string, string> {
  const owners = new Map<string, string>();
  for (const path of sourceFiles(modulesDir).filter((p) => p.endsWith('.tables.ts'))) {
    const module = relative(modulesDir, path).split('/')[0];
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'DB') {
        for (const member of node.members) {
          if (!ts.isPropertySignature(member) || !member.name) continue;
          const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : null;
          if (!name) continue;
          const previous = owners.get(name);
          if (previous && previous !== module)
            throw new Error(`table ${name} is declared by ${previous} and ${module}`);
          owners.set(name, module);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(path));
  }
  return owners;
}

/** Every table a source file names; raw SQL text counts only words that are known table names. */
export function tableReferences(
  module: string,
  file: string,
  text: string,
  knownTables: ReadonlySet<string>,
): TableReference[] {
  const source = parse(file, text);
  const found: TableReference[] = [];
  const add = (node: ts.Node, table: string) => {
    if (!knownTables.has(table)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ module, file, table, line });
  };
  const scanRaw = (node: ts.Node, raw: string) => {
    for (const match of raw.matchAll(RAW_SQL)) add(node, match[1].toLowerCase());
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const [first] = node.arguments;
      if (BUILDER_METHODS.has(name) && first) {
        const literals = ts.isArrayLiteralExpression(first) ? first.elements : [first];
        for (const el of literals) if (ts.isStringLiteralLike(el)) add(el, tableName(el.text));
      }
      if (name === 'table' && ts.isPropertyAccessExpression(callee) && first && ts.isStringLiteralLike(first))
        add(first, tableName(first.text));
      if (name === 'raw' && first && ts.isStringLiteralLike(first)) scanRaw(first, first.text);
      if (TABLE_ARGUMENT_HELPERS.has(name))
        for (const arg of node.arguments) if (ts.isStringLiteralLike(arg)) add(arg, tableName(arg.text));
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql') {
      const template = node.template;
      const raw = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)].join(' ? ');
      scanRaw(node, raw);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every table named by the source files of every module, with the module that names it. */
export function allTableReferences(modulesDir = MODULES_DIR): TableReference[] {
  const known = new Set(tableOwners(modulesDir).keys());
  return sourceFiles(modulesDir)
    .map((path) => relative(modulesDir, path))
    .filter((file) => file.includes('/'))
    .flatMap((file) => tableReferences(file.split('/')[0], file, readFileSync(join(modulesDir, file), 'utf8'), known));
}

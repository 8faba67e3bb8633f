/**
 * Module boundaries, checked on every import of src/ (parsed with the TypeScript compiler, so
 * `import type`, re-exports and dynamic `import()` count too). The rules (docs/CONVENTIONS.md):
 *
 * - module-boundary: a server module imports of another module only its `<module>.lookup.ts`
 *   (a `*.schema.ts` may import another module's `*.schema.ts` for a foreign key);
 * - schema-import: only a `*.schema.ts`, a `*.repository.ts` and src/server/db/schema.ts import a
 *   `*.schema.ts` or db/schema.ts (a module's own files may import its schema's *types*);
 * - module-cycle: modules do not depend on each other in a circle, nor do their tables;
 * - root-entry: the composition root (src/server/*.ts) takes of a module only its lookup, routes
 *   and jobs; platform: src/server/platform imports no module;
 * - domain: src/domain imports nothing outside src/domain but the packages the rule file lists;
 * - contracts: src/contracts imports only zod and src/domain (tests beside the code may import
 *   any package: they ship to no bundle);
 * - web: src/web imports nothing of src/server, and src/server nothing of src/web.
 *
 * Allowed exceptions live in test/architecture.rules.ts, each with its reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTRACT_PACKAGES, DOMAIN_PACKAGES, EXCEPTIONS, ROOT_ENTRY_SUFFIXES, type Exception } from './architecture.rules';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One import of a source file: of a project file (`to`) or of a package (`pkg`). */
export interface Import {
  from: string;
  to: string | null;
  pkg: string | null;
  typeOnly: boolean;
}

export interface Problem {
  rule: string;
  from: string;
  to: string;
  message: string;
}

// ---------- reading the imports ----------

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) sourceFiles(rel, out);
    else if (/\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function resolveFile(from: string, spec: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base.replace(/\.js$/, '.ts')]) {
    const abs = path.join(ROOT, candidate);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate;
  }
  return null;
}

/** Every import, re-export, dynamic import() and import('x').T type of one file. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly))));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map(({ spec, typeOnly }) =>
    spec.startsWith('.') ? { from: file, to: resolveFile(file, spec) ?? `unresolved:${spec}`, pkg: null, typeOnly } : { from: file, to: null, pkg: packageOf(spec), typeOnly },
  );
}

// ---------- the rules ----------

type Place = { kind: 'module'; module: string } | { kind: 'platform' | 'db' | 'root' | 'domain' | 'contracts' | 'web' | 'other' };

function placeOf(file: string): Place {
  const m = /^src\/server\/modules\/([^/]+)\//.exec(file);
  if (m) return { kind: 'module', module: m[1] };
  if (file.startsWith('src/server/platform/')) return { kind: 'platform' };
  if (file.startsWith('src/server/db/')) return { kind: 'db' };
  if (/^src\/server\/[^/]+$/.test(file)) return { kind: 'root' };
  if (file.startsWith('src/domain/')) return { kind: 'domain' };
  if (file.startsWith('src/contracts/')) return { kind: 'contracts' };
  if (file.startsWith('src/web/')) return { kind: 'web' };
  return { kind: 'other' };
}

const moduleOf = (file: string) => {
  const p = placeOf(file);
  return p.kind === 'module' ? p.module : null;
};
const base = (file: string) => path.posix.basename(file);
const isSchema = (file: string) => file.endsWith('.schema.ts');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
/** The files that hold tables: a `*.schema.ts`, or the aggregate every table is exported from. */
const holdsTables = (file: string) => isSchema(file) || file === 'src/server/db/schema.ts';
const mayImportTables = (file: string) => isSchema(file) || file.endsWith('.repository.ts') || file === 'src/server/db/schema.ts';
/** A foreign key: a table of one module referencing a table of another. */
const isForeignKey = (i: Import) => i.to !== null && isSchema(i.from) && isSchema(i.to);

/** The problems of single imports (everything but cycles). */
export function importProblems(imports: Import[]): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: string, i: Import, message: string) => problems.push({ rule, from: i.from, to: i.to ?? i.pkg!, message });
  for (const i of imports) {
    const from = placeOf(i.from);
    if (i.to === null) {
      const pkg = i.pkg!;
      // Tests beside the code (vitest, fast-check, node:fs …) ship to no bundle.
      if (isTest(i.from)) continue;
      if (from.kind === 'domain' && !(pkg in DOMAIN_PACKAGES)) add('domain', i, `src/domain imports package "${pkg}" (allowed: ${Object.keys(DOMAIN_PACKAGES).join(', ')})`);
      if (from.kind === 'contracts' && !(pkg in CONTRACT_PACKAGES)) add('contracts', i, `src/contracts imports package "${pkg}" (allowed: ${Object.keys(CONTRACT_PACKAGES).join(', ')})`);
      continue;
    }
    if (i.to.startsWith('unresolved:')) {
      add('unresolved', i, `cannot resolve "${i.to.slice(11)}"`);
      continue;
    }
    const to = placeOf(i.to);
    if (from.kind === 'web' && i.to.startsWith('src/server/')) add('web', i, 'src/web imports server code (share it through src/domain or src/contracts)');
    if (i.from.startsWith('src/server/') && to.kind === 'web') add('web', i, 'server code imports src/web');
    if (from.kind === 'domain' && to.kind !== 'domain') add('domain', i, 'src/domain imports a file outside src/domain');
    if (from.kind === 'contracts' && to.kind !== 'contracts' && to.kind !== 'domain') add('contracts', i, 'src/contracts imports a file outside src/contracts and src/domain');

    if (holdsTables(i.to) && !mayImportTables(i.from)) {
      const ownTypes = i.typeOnly && from.kind === 'module' && moduleOf(i.to) === from.module;
      if (!ownTypes) add('schema-import', i, 'only a *.schema.ts or *.repository.ts imports tables (queries belong in the repository)');
    }
    if (from.kind === 'module' && to.kind === 'module' && from.module !== to.module && !isForeignKey(i) && base(i.to) !== `${to.module}.lookup.ts`) {
      add('module-boundary', i, `module ${from.module} imports ${base(i.to)} of module ${to.module}: only ${to.module}.lookup.ts is public`);
    }
    if (from.kind === 'root' && to.kind === 'module' && base(i.to) !== `${to.module}.lookup.ts` && !ROOT_ENTRY_SUFFIXES.some((end) => i.to!.endsWith(end))) {
      add('root-entry', i, `the composition root imports ${base(i.to)} of module ${to.module}: only its lookup, *${ROOT_ENTRY_SUFFIXES.join(' and *')}`);
    }
    if (from.kind === 'platform' && to.kind === 'module') add('platform', i, `src/server/platform imports module ${to.module}`);
    if (from.kind === 'db' && to.kind === 'module' && !isSchema(i.to)) add('platform', i, `src/server/db imports module ${to.module} beyond its tables`);
  }
  return problems;
}

/** Cycles in a graph of modules: each once, as "a → b → a", with the imports that make each edge. */
function cycles(edges: Map<string, Map<string, Import>>): string[] {
  const found = new Map<string, string>();
  const walk = (start: string, at: string, trail: string[]) => {
    for (const [next, via] of edges.get(at) ?? []) {
      const evidence = [...trail, `${at} → ${next} (${via.from} imports ${via.to})`];
      if (next === start) {
        const names = evidence.map((e) => e.split(' ')[0]);
        const key = [...names].sort().join(',');
        if (!found.has(key)) found.set(key, `${[...names, start].join(' → ')}: ${evidence.join('; ')}`);
      } else if (!trail.some((e) => e.startsWith(`${next} `)) && next > start) {
        walk(start, next, evidence);
      }
    }
  };
  for (const m of [...edges.keys()].sort()) walk(m, m, []);
  return [...found.values()];
}

export function cycleProblems(imports: Import[]): Problem[] {
  const code = new Map<string, Map<string, Import>>();
  const tables = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const a = moduleOf(i.from);
    const b = i.to && moduleOf(i.to);
    if (!a || !b || a === b) continue;
    const graph = isForeignKey(i) ? tables : code;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, i);
  }
  return [
    ...cycles(code).map((c) => ({ rule: 'module-cycle', from: '', to: '', message: `modules depend on each other in a circle: ${c}` })),
    ...cycles(tables).map((c) => ({ rule: 'module-cycle', from: '', to: '', message: `tables reference each other across modules in a circle: ${c}` })),
  ];
}

const matches = (e: Exception, p: Problem) => e.rule === p.rule && e.from === p.from && e.to === p.to;

// ---------- the tests ----------

const files = sourceFiles('src');
const imports = files.flatMap(importsOf);

describe('architecture', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    // A known import, so a parser that found nothing could not pass the rules below.
    expect(imports).toContainEqual(expect.objectContaining({ from: 'src/server/modules/booking/book.service.ts', to: 'src/server/modules/catalog/catalog.lookup.ts' }));
  });

  it('keeps every rule (exceptions: test/architecture.rules.ts)', () => {
    const problems = [...importProblems(imports), ...cycleProblems(imports)].filter((p) => !EXCEPTIONS.some((e) => matches(e, p)));
    expect(problems.map((p) => (p.from ? `[${p.rule}] ${p.from} → ${p.to}: ${p.message}` : `[${p.rule}] ${p.message}`))).toEqual([]);
  });

  it('lists only exceptions that are still needed', () => {
    const problems = importProblems(imports);
    expect(EXCEPTIONS.filter((e) => !problems.some((p) => matches(e, p))).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('catches each kind of forbidden import', () => {
    const imp = (from: string, to: string | null, pkg: string | null = null, typeOnly = false): Import => ({ from, to, pkg, typeOnly });
    const rulesOf = (list: Import[]) => [...importProblems(list), ...cycleProblems(list)].map((p) => p.rule);
    expect(rulesOf([imp('src/server/modules/queue/serve.service.ts', 'src/server/modules/catalog/catalog.repository.ts')])).toEqual(['module-boundary']);
    expect(rulesOf([imp('src/server/modules/queue/serve.service.ts', 'src/server/modules/queue/queue.schema.ts')])).toEqual(['schema-import']);
    expect(rulesOf([imp('src/server/modules/queue/serve.service.ts', 'src/server/db/schema.ts')])).toEqual(['schema-import']);
    expect(rulesOf([imp('src/server/modules/queue/queue.schema.ts', 'src/server/modules/catalog/catalog.schema.ts')])).toEqual([]);
    expect(rulesOf([imp('src/server/modules/queue/serve.service.ts', 'src/server/modules/queue/queue.schema.ts', null, true)])).toEqual([]);
    expect(rulesOf([imp('src/server/modules/booking/x.service.ts', 'src/server/modules/queue/queue.schema.ts', null, true)])).toEqual(['schema-import', 'module-boundary']);
    expect(
      rulesOf([imp('src/server/modules/a/x.ts', 'src/server/modules/b/b.lookup.ts'), imp('src/server/modules/b/y.ts', 'src/server/modules/c/c.lookup.ts'), imp('src/server/modules/c/z.ts', 'src/server/modules/a/a.lookup.ts')]),
    ).toEqual(['module-cycle']);
    expect(rulesOf([imp('src/server/modules/a/a.schema.ts', 'src/server/modules/b/b.schema.ts'), imp('src/server/modules/b/b.schema.ts', 'src/server/modules/a/a.schema.ts')])).toEqual(['module-cycle']);
    expect(rulesOf([imp('src/server/app.ts', 'src/server/modules/queue/serve.service.ts')])).toEqual(['root-entry']);
    expect(rulesOf([imp('src/server/platform/audit.ts', 'src/server/modules/access/access.lookup.ts')])).toEqual(['platform']);
    expect(rulesOf([imp('src/domain/eta.ts', 'src/server/platform/clock.ts')])).toEqual(['domain']);
    expect(rulesOf([imp('src/domain/eta.ts', null, 'drizzle-orm')])).toEqual(['domain']);
    expect(rulesOf([imp('src/contracts/queue.ts', 'src/server/platform/date-input.ts')])).toEqual(['contracts']);
    expect(rulesOf([imp('src/contracts/queue.ts', null, '@node-rs/argon2')])).toEqual(['contracts']);
    expect(rulesOf([imp('src/contracts/queue.ts', 'src/domain/tickets.ts'), imp('src/contracts/queue.ts', null, 'zod')])).toEqual([]);
    expect(rulesOf([imp('src/contracts/queue.test.ts', null, 'vitest'), imp('src/domain/eta.test.ts', null, 'fast-check')])).toEqual([]);
    expect(rulesOf([imp('src/web/features/queue/kiosk/Kiosk.tsx', 'src/server/platform/errors.ts')])).toEqual(['web']);
  });
});

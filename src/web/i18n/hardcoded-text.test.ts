import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a page shows comes from the texts of the UI language: a literal in JSX would show
 * English (or Indonesian) whatever the citizen chose. This parses the components and lists the
 * text nodes and labelling attributes written as literals.
 */
const ROOT = path.join(import.meta.dirname, '..');
const LABELS = new Set(['aria-label', 'title', 'placeholder', 'label', 'alt', 'description']);
/** Literals that read the same in both languages: names, units, formats, examples of what to type. */
const ALLOWED = new Set(['WhatsApp', 'mm', 'https://', 'ABCD-2345', 'Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

const isWords = (s: string) => /\p{L}{2,}/u.test(s) && !ALLOWED.has(s.trim());

export function literalTexts(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && LABELS.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && isWords(node.initializer.text)) found.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
  return found;
}

describe('no hard-coded UI text', () => {
  it('finds a literal label and a literal text node', () => {
    expect(literalTexts('const a = <div aria-label="Keypad"><Badge size="xs">\n  demo\n</Badge></div>;')).toEqual(['Keypad', 'demo']);
    expect(literalTexts('const a = (x: Promise<boolean>) => <b title={t("x")}>{t("y")} · </b>;\nconst b = <TextInput label="WhatsApp" placeholder="https://" />;')).toEqual([]);
  });

  it('has none in the pages', () => {
    const offenders = files(ROOT).flatMap((f) => literalTexts(readFileSync(f, 'utf8')).map((text) => `${path.relative(ROOT, f)}: ${text}`));
    expect(offenders).toEqual([]);
  });
});

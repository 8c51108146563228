import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

const EXECUTABLE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'template', 'noscript', 'frame', 'frameset', 'applet', 'base', 'meta', 'link', 'form']);
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

function schemeOf(url: string): string | null {
  const compact = decodeHTML(url).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return match ? match[1]! : null;
}

/**
 * Parses `html` the way a browser's tokenizer would (htmlparser2) and lists everything in it that
 * could run code: executable elements, event-handler and style attributes, URLs with a scheme other
 * than http, https or mailto, and Markdown link destinations with such a scheme.
 */
export function findExecutableContent(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (EXECUTABLE_ELEMENTS.has(name)) problems.push(`<${name}> element`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`${attribute} handler on <${name}>`);
          if (attribute === 'style' || attribute === 'srcdoc' || attribute === 'formaction') problems.push(`${attribute} attribute on <${name}>`);
          if (['href', 'src', 'action', 'xlink:href', 'data'].includes(attribute)) {
            const scheme = schemeOf(value);
            if (scheme !== null && !SAFE_SCHEMES.includes(scheme)) problems.push(`${scheme}: URL in ${attribute} of <${name}>`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();

  const destinations = [...html.matchAll(/\]\(\s*<?([^)\s>]*)/g), ...html.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)];
  for (const [, destination] of destinations) {
    const scheme = schemeOf((destination ?? '').replace(/\\(.)/g, '$1'));
    if (scheme !== null && !SAFE_SCHEMES.includes(scheme)) problems.push(`${scheme}: URL in a Markdown link`);
  }
  return problems;
}

/** True when `text` holds no element at all once parsed: plain text only. */
export function containsMarkup(text: string): boolean {
  let elements = 0;
  const parser = new Parser({ onopentag: () => (elements += 1), oncomment: () => (elements += 1), onprocessinginstruction: () => (elements += 1) });
  parser.write(text);
  parser.end();
  return elements > 0;
}

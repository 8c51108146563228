import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';
import { escapeUnterminatedMarkup } from './unterminated-markup';

/** URL schemes a link may keep. Everything else (javascript:, data:, vbscript:, file:...) is dropped. */
const LINK_SCHEMES = ['http', 'https', 'mailto'];
const IMAGE_SCHEMES = ['http', 'https'];

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup',
  'mark', 'small', 'abbr', 'cite', 'q', 'span', 'div', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img',
];

/** The scheme of a URL as a browser would read it, or null for a relative URL. */
function schemeOf(url: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so must we.
  const compact = decodeHTML(url).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return match ? match[1]! : null;
}

function hasAllowedScheme(url: string, schemes: readonly string[]): boolean {
  const scheme = schemeOf(url);
  return scheme !== null && schemes.includes(scheme);
}

const RICH_TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'name'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: IMAGE_SCHEMES },
  allowProtocolRelative: false,
  // A tag outside the allowlist is shown as text rather than dropped with its content: a body that
  // quotes "<script>" or has an unclosed <textarea> keeps every word, and none of it runs.
  disallowedTagsMode: 'escape',
  transformTags: {
    // Links keep their href only with an explicit http, https or mailto scheme: a relative or
    // scheme-less href is dropped rather than guessed at.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      return { tagName, attribs: href !== undefined && hasAllowedScheme(href, LINK_SCHEMES) ? { ...rest, href } : rest };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && hasAllowedScheme(src, IMAGE_SCHEMES) ? { ...rest, src } : rest };
    },
  },
};

/**
 * Markdown knows only entities that end with ";"; the HTML parser also decodes legacy ones such as
 * "&sect" or "&copy" without it, which would turn "?id=1&sect=world" in a Markdown link into
 * "?id=1§=world". Escaping every "&" that does not start a complete entity prevents that.
 */
function escapeBareAmpersands(markdown: string): string {
  return markdown.replace(/&(?![a-zA-Z][a-zA-Z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)/g, '&amp;');
}

/**
 * sanitize-html escapes "&" and ">" in text. Markdown needs ">" for block quotes, and a bare "&" reads
 * better than "&amp;" in a Markdown source; neither can open a tag, so both are put back. "<" stays
 * escaped, since it could. An "&amp;" that precedes an entity name stays, so that a literal "&lt;"
 * written by the editor does not turn into "<".
 */
function restoreMarkdownCharacters(html: string): string {
  return html.replace(/&gt;/g, '>').replace(/&amp;(?![a-zA-Z][a-zA-Z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)/g, '&');
}

/*
 * Both run on the whole body, so each scan stops at the next opener or line break: a bracketed
 * destination holds no `<`, a reference label no `[`, and neither crosses \r (a line start for `^`
 * under /m). Without that, `](<)` or `\r[\r` repeated 25,000 times rescanned the rest of the line
 * from every opener: seconds per save.
 */
/** Inline links and images: `[text](destination` or `](<destination>`. */
const INLINE_DESTINATION = /\]\(\s*(<[^<>\n\r]*>|[^\s)]+)/g;
/** Reference definitions: `[id]: destination` at the start of a line. */
const REFERENCE_DESTINATION = /^( {0,3}\[[^[\]\n\r\u2028\u2029]+\]:[ \t]*)(<[^<>\n\r\u2028\u2029]*>|\S+)/gm;

function isSafeMarkdownDestination(rawDestination: string): boolean {
  const destination = rawDestination.replace(/^<|>$/g, '').replace(/\\(.)/g, '$1');
  return schemeOf(destination) === null || hasAllowedScheme(destination, LINK_SCHEMES);
}

function neutralizeCommonLinkForms(markdown: string): string {
  return markdown
    .replace(INLINE_DESTINATION, (whole, destination: string) =>
      isSafeMarkdownDestination(destination) ? whole : whole.replace(destination, '#')
    )
    .replace(REFERENCE_DESTINATION, (whole, prefix: string, destination: string) =>
      isSafeMarkdownDestination(destination) ? whole : `${prefix}#`
    );
}

// A real CommonMark parser finds the link forms the patterns above do not cover (a reference
// definition inside a list or quote, a destination on the next line, a label over two lines...).
const markdownParser = new MarkdownIt({ html: false, linkify: false });
markdownParser.validateLink = () => true; // see every destination, including the ones markdown-it would refuse

interface MarkdownToken {
  type: string;
  attrGet(name: string): string | null;
  children: MarkdownToken[] | null;
}

/** Schemes of every link and image destination a CommonMark renderer would produce from `markdown`. */
function unsafeSchemesIn(markdown: string): Set<string> {
  const schemes = new Set<string>();
  const visit = (tokens: MarkdownToken[]) => {
    for (const token of tokens) {
      const url = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (url !== null) {
        const scheme = schemeOf(decodeURIComponentSafe(url));
        if (scheme !== null && !LINK_SCHEMES.includes(scheme)) schemes.add(scheme);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(markdownParser.parse(markdown, {}) as unknown as MarkdownToken[]);
  return schemes;
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url; // a malformed %-sequence: the raw form is what a browser would see
  }
}

/** Replaces every spelling of `scheme:` (case, whitespace or control characters, an escaped colon) with "#". */
function neutralizeScheme(markdown: string, scheme: string): string {
  const gap = '[\\s\\u0000-\\u001f\\u007f-\\u009f]*';
  const letters = [...scheme].map((letter) => letter.replace(/[.+-]/g, '\\$&')).join(gap);
  return markdown.replace(new RegExp(`${letters}${gap}\\\\?:`, 'gi'), '#');
}

const MAX_NEUTRALIZE_ROUNDS = 4;

/**
 * Sanitizes a Story body: Markdown that may contain HTML. HTML goes through an allowlist (tags
 * outside it are escaped into visible text, no event handlers, no style, links and images with
 * http(s)/mailto URLs only), and every Markdown link or image whose destination has another scheme
 * is neutralized, so that no renderer downstream can be made to run code from the body.
 *
 * @throws Error if a dangerous link survives every neutralization round (not seen; a guard, not a path)
 */
export function sanitizeStoryBody(markdown: string): string {
  const html = sanitizeHtml(escapeUnterminatedMarkup(escapeBareAmpersands(markdown)), RICH_TEXT_OPTIONS);
  let body = neutralizeCommonLinkForms(restoreMarkdownCharacters(html));
  for (let round = 0; round < MAX_NEUTRALIZE_ROUNDS; round += 1) {
    const schemes = unsafeSchemesIn(body);
    if (schemes.size === 0) return body;
    for (const scheme of schemes) body = neutralizeScheme(body, scheme);
  }
  throw new Error('sanitizeStoryBody: could not neutralize a link with an unsafe scheme');
}

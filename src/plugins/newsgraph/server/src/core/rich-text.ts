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

function hasAllowedScheme(url: string, schemes: readonly string[]): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so must we.
  const compact = decodeHTML(url).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return scheme !== null && schemes.includes(scheme[1]!);
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
  // sanitize-html escapes "&" and ">" in text. Markdown needs ">" for block quotes and shows "&amp;"
  // literally inside code, and neither character can open a tag, so both are put back; "<" stays
  // escaped because it could.
  textFilter: (text) => text.replace(/&gt;/g, '>').replace(/&amp;(?![a-zA-Z0-9#]{1,32};)/g, '&'),
};

/** Inline links and images: `[text](destination` or `](<destination>`. */
const INLINE_DESTINATION = /\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
/** Reference definitions: `[id]: destination` at the start of a line. */
const REFERENCE_DESTINATION = /^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)/gm;

function isSafeMarkdownDestination(rawDestination: string): boolean {
  const destination = rawDestination.replace(/^<|>$/g, '').replace(/\\(.)/g, '$1');
  const compact = decodeHTML(destination).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(compact)) return true; // relative: no scheme to abuse
  return hasAllowedScheme(compact, LINK_SCHEMES);
}

function neutralizeMarkdownLinks(markdown: string): string {
  return markdown
    .replace(INLINE_DESTINATION, (whole, destination: string) =>
      isSafeMarkdownDestination(destination) ? whole : whole.replace(destination, '#')
    )
    .replace(REFERENCE_DESTINATION, (whole, prefix: string, destination: string) =>
      isSafeMarkdownDestination(destination) ? whole : `${prefix}#`
    );
}

/**
 * Sanitizes a Story body: Markdown that may contain HTML. HTML goes through an allowlist (tags
 * outside it are escaped into visible text, no event handlers, no style, links and images with http(s)/mailto URLs only), and Markdown
 * link and image destinations with any other scheme are replaced by "#", so that no renderer
 * downstream can be made to run code from the body.
 */
export function sanitizeStoryBody(markdown: string): string {
  return neutralizeMarkdownLinks(sanitizeHtml(escapeUnterminatedMarkup(markdown), RICH_TEXT_OPTIONS));
}

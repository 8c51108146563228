import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';

/** Elements whose content is code or markup, not prose: dropped whole rather than unwrapped. */
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title'];

const STRIP_ALL_TAGS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
};

/** Enough rounds for any realistic nesting of entity-encoded markup; see toPlainText. */
const MAX_DECODE_ROUNDS = 8;

/**
 * Turns editor or API input into plain text: every tag removed, entities decoded back to the
 * characters they stand for (so "AT&amp;T" is stored as "AT&T", not double-encoded on output),
 * surrounding whitespace trimmed.
 *
 * Decoding can reveal markup that was hidden behind entities ("&lt;script&gt;"), so stripping and
 * decoding repeat until the text stops changing: the result never contains a tag, however the
 * input was encoded.
 */
export function toPlainText(input: string): string {
  let current = input;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    const next = decodeHTML(sanitizeHtml(current, STRIP_ALL_TAGS));
    if (next === current) return current.trim();
    current = next;
  }
  // Still changing after many rounds: a deliberately nested payload. Keep the last stripped form
  // with its entities encoded, which is inert wherever it is shown.
  return sanitizeHtml(current, STRIP_ALL_TAGS).trim();
}

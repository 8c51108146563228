import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';

import { escapeUnterminatedMarkup } from './unterminated-markup';

/**
 * Every tag goes, but the text inside every element stays (no "non-text" elements): an unclosed
 * <title> or <script> in a pasted quote would otherwise swallow the rest of the editor's words.
 * What is left is text, inert wherever it is shown.
 */
const STRIP_ALL_TAGS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: [],
};

/** An unterminated "<!--" survives as text (see escapeUnterminatedMarkup); in plain text it is noise. */
function dropCommentOpeners(text: string): string {
  return text.replace(/<!--|<!\[CDATA\[/g, '');
}

/** Enough rounds for any realistic nesting of entity-encoded markup; see toPlainText. */
const MAX_DECODE_ROUNDS = 8;

/**
 * Turns editor or API input into plain text: every tag removed (its text kept), entities decoded back to the
 * characters they stand for (so "AT&amp;T" is stored as "AT&T", not double-encoded on output),
 * surrounding whitespace trimmed.
 *
 * Decoding can reveal markup that was hidden behind entities ("&lt;script&gt;"), so stripping and
 * decoding repeat until the text stops changing: the result never contains a tag, however the
 * input was encoded.
 */
export function toPlainText(input: string): string {
  let current = escapeUnterminatedMarkup(input);
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    const next = decodeHTML(sanitizeHtml(escapeUnterminatedMarkup(current), STRIP_ALL_TAGS));
    if (next === current) return dropCommentOpeners(current).trim();
    current = next;
  }
  // Still changing after many rounds: a deliberately nested payload. Keep the last stripped form
  // with its entities encoded, which is inert wherever it is shown.
  return sanitizeHtml(current, STRIP_ALL_TAGS).trim();
}

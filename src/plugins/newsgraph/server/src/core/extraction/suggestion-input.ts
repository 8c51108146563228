import { InputError } from '../input-error';
import { isPlainObject } from '../model-spec';
import { foldStatementText } from './extract-attributions';

/** As long as a statement's text may be (the Statement schema's `text` maxLength). */
export const MAX_SUGGESTION_TEXT_LENGTH = 5000;

export interface RejectedSuggestion {
  text: string;
  /** The folded text, as suggestions are keyed. */
  key: string;
}

/**
 * The body of "reject this suggestion": `{ text }`, the suggestion's words as they were offered.
 * Returns the text and the folded key a rejection is remembered by, or throws InputError: a text that
 * folds to nothing would be a rejection that matches no suggestion, so it is refused too.
 */
export function readRejectedSuggestion(body: unknown): RejectedSuggestion {
  const text = isPlainObject(body) ? body.text : undefined;
  if (typeof text !== 'string' || text.length > MAX_SUGGESTION_TEXT_LENGTH) {
    throw new InputError('text', `text must be the suggestion's text (at most ${MAX_SUGGESTION_TEXT_LENGTH.toLocaleString('en')} characters)`);
  }
  const key = foldStatementText(text);
  if (key === '') throw new InputError('text', "text must be the suggestion's text, not only spaces or punctuation");
  return { text, key };
}

import type { FlagRule } from '../flag-types';

/**
 * Folds what differs between a quote as typed and as published without changing its words: quote
 * marks, dashes, ellipses, whitespace, Markdown emphasis and case.
 */
export function foldForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb"'`]/g, '')
    .replace(/\u2026|\.\.\./g, ' ')
    .replace(/[\u2010-\u2015\u2212-]/g, ' ')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A direct quote that does not occur in its story's body. */
export const quoteMismatch: FlagRule = ({ statement, story }, settings) => {
  if (statement.kind !== 'direct_quote' || !story?.body) return [];
  const quote = foldForQuote(statement.text);
  if (quote === '' || foldForQuote(story.body).includes(quote)) return [];
  return [{ kind: 'quote_mismatch', severity: settings.severity, cause: '', reason: "the quote's words do not occur in the story's body" }];
};

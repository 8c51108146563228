import { InputError } from '../input-error';
import { MAX_SUGGESTION_TEXT_LENGTH, readRejectedSuggestion } from './suggestion-input';

describe('readRejectedSuggestion', () => {
  it('keeps the words as offered and keys them by their folded form', () => {
    const curly = readRejectedSuggestion({ text: '“We will not sign,” the minister said.' });
    const straight = readRejectedSuggestion({ text: '"We will not  sign," the minister said.' });
    expect(curly.text).toBe('“We will not sign,” the minister said.');
    expect(curly.key).toBe(straight.key);
    expect(curly.key).not.toBe('');
  });

  it.each([
    ['no body', undefined],
    ['a body that is not an object', 'We will not sign'],
    ['no text', {}],
    ['a text that is not a string', { text: 42 }],
    ['an empty text', { text: '' }],
    ['only spaces and punctuation', { text: ' "…" - ' }],
    ['a text longer than a statement may be', { text: 'a'.repeat(MAX_SUGGESTION_TEXT_LENGTH + 1) }],
  ])('refuses %s, naming the field', (_case, body) => {
    expect(() => readRejectedSuggestion(body)).toThrow(InputError);
    expect(() => readRejectedSuggestion(body)).toThrow(expect.objectContaining({ path: 'text' }));
  });

  it('takes a text exactly as long as a statement may be', () => {
    expect(readRejectedSuggestion({ text: 'a'.repeat(MAX_SUGGESTION_TEXT_LENGTH) }).text).toHaveLength(MAX_SUGGESTION_TEXT_LENGTH);
  });
});

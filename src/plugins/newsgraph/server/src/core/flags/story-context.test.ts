import { sentences, storyContext } from './story-context';

const body = [
  'KESSA (Demo Wire) - Talks resumed on Monday.',
  '"We will not sign a **paper** that stops nothing," the minister said. Officials in [Korvath](https://example.org/k) disagreed!',
  'A third sentence… and a fourth one?',
].join('\n\n');

describe('sentences', () => {
  it('splits at sentence ends and paragraph breaks, reducing Markdown to its text', () => {
    expect(sentences(body)).toEqual([
      'KESSA (Demo Wire) - Talks resumed on Monday.',
      '"We will not sign a paper that stops nothing," the minister said.',
      'Officials in Korvath disagreed!',
      'A third sentence…',
      'and a fourth one?',
    ]);
  });
});

describe('storyContext', () => {
  it('finds the sentence holding a quote, and the span of its words, across quote marks, emphasis and case', () => {
    const context = storyContext('we will not sign a paper that stops nothing', body)!;
    expect(context.sentence).toBe('"We will not sign a paper that stops nothing," the minister said.');
    expect(context.sentence.slice(context.quote!.start, context.quote!.end)).toBe('We will not sign a paper that stops nothing');
  });

  it('falls back to the sentence sharing most words, without a span, when the words differ', () => {
    const context = storyContext('Korvath officials disagreed strongly', body)!;
    expect(context).toEqual({ sentence: 'Officials in Korvath disagreed!', quote: null });
  });

  it('answers null when no sentence shares half the words, or there is no body', () => {
    expect(storyContext('Grain prices rose sharply in the east', body)).toBeNull();
    expect(storyContext('anything', null)).toBeNull();
    expect(storyContext('', body)).toBeNull();
  });
});

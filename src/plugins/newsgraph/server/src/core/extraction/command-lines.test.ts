import { commandLines } from './command-lines';

describe('commandLines', () => {
  it('An article with attributions - should print the contract fields, offsets as UTF-16 indices', () => {
    const article = 'The \u00c9lys\u00e9e talks ended \ud83d\ude00. "We are close," Varin said.';
    const [line] = commandLines(article).map((text) => JSON.parse(text));
    expect(Object.keys(line)).toEqual(['content', 'cue', 'source', 'kind', 'text', 'attribution']);
    expect(article.slice(line.content[0], line.content[1])).toBe('"We are close,"');
    expect(article.slice(line.cue[0], line.cue[1])).toBe('said');
    expect(article.slice(line.source[0], line.source[1])).toBe('Varin');
    expect(line).toEqual(expect.objectContaining({ kind: 'direct_quote', text: 'We are close', attribution: 'Varin said' }));
  });

  it('No attribution, empty, only quotes, unbalanced, 100 KB - should print nothing or lines, never throw', () => {
    expect(commandLines('The port reopened on Monday.')).toEqual([]);
    for (const article of ['', '"', '""""""', '\u201c'.repeat(3000), '"Open, he said.\n\n"Still open', 'x'.repeat(100_000), '"Yes," he said. '.repeat(1000)]) {
      const lines = commandLines(article);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    }
  });
});

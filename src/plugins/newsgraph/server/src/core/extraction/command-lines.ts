import { extractAttributions, type Span } from './extract-attributions';

/** One line of `npm run -s statements:extract`: the fixed contract evaluation tools read. */
export interface CommandLine {
  content: [number, number];
  cue: [number, number] | null;
  source: [number, number] | null;
  kind: string;
  text: string;
  attribution: string;
}

const pair = (span: Span | null): [number, number] | null => (span ? [span.start, span.end] : null);

/**
 * The lines `statements:extract` prints for one article, JSON-encoded, in the order of the article;
 * none for an article with no attribution. Offsets are UTF-16 code units of the article, end exclusive.
 */
export function commandLines(article: string): string[] {
  return extractAttributions(article).map((attribution) => {
    const line: CommandLine = {
      content: pair(attribution.content)!,
      cue: pair(attribution.cue),
      source: pair(attribution.source),
      kind: attribution.kind,
      text: attribution.text,
      attribution: attribution.attribution,
    };
    return JSON.stringify(line);
  });
}

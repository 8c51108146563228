/**
 * The runnable examples of a Markdown document: every ```graphql block, run as written, and the
 * ```json block that follows it (if any) as its expected result.
 *
 *   ```graphql            run as the public (no token)
 *   ```graphql token      run with an API token
 *   ```json result        the whole answer, exactly
 *   ```json excerpt       part of the answer: each object field and array item shown must be there
 *
 * In expected results `<documentId>` stands for any document id, which differs on every database.
 */
export interface DocExample {
  line: number;
  query: string;
  asToken: boolean;
  expected?: { mode: 'result' | 'excerpt'; value: unknown };
}

const FENCE = /^```(\w+)?[ \t]*([^\n]*)\n([\s\S]*?)^```/gm;

export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const [, language, info, body] = match as unknown as [string, string | undefined, string, string];
    const line = markdown.slice(0, match.index).split('\n').length;
    if (language === 'graphql') examples.push({ line, query: body, asToken: info.split(/\s+/).includes('token') });
    else if (language === 'json' && /^(result|excerpt)\b/.test(info) && examples.length > 0 && examples.at(-1)!.expected === undefined) {
      examples.at(-1)!.expected = { mode: info.startsWith('excerpt') ? 'excerpt' : 'result', value: JSON.parse(body) };
    }
  }
  return examples;
}

const DOCUMENT_ID = /\b[a-z0-9]{24}\b/g;

/** Replaces document ids (24 lowercase letters and digits, Strapi's format) with `<documentId>`. */
export function withoutDocumentIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(DOCUMENT_ID, '<documentId>'));
}

/** Paths at which `actual` lacks what `expected` shows (empty when it has it all). */
export function missingFrom(actual: unknown, expected: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list`];
    return expected.flatMap((item, index) => (actual.some((candidate) => missingFrom(candidate, item).length === 0) ? [] : [`${path}[${index}]: ${JSON.stringify(item).slice(0, 120)} not found`]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object`];
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) => missingFrom((actual as Record<string, unknown>)[key], value, `${path}.${key}`));
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

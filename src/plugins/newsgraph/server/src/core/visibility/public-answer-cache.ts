/**
 * The public answers to GraphQL story pages, kept between requests.
 *
 * An answer is stored with the data version it was computed at (a counter that every committed
 * write to the data a public answer can show moves on, services/public-read-version.ts) and served
 * only while the version is still the same: a write, through any door and on any instance sharing
 * the database, retires every answer at once. Nothing here knows about time: in this model an
 * embargo is a story's unpublished state, and lifting it (publishing) is a write like any other.
 */

/** The parts of a parsed GraphQL operation that decide whether its answer may be kept. */
export interface OperationShape {
  operation: string;
  selectionSet: { selections: ReadonlyArray<{ kind: string; name?: { value: string }; directives?: ReadonlyArray<unknown> }> };
}

/** Root fields whose public answer is kept. storyBySlug is the public story page. */
const CACHED_ROOT_FIELDS = new Set(['storyBySlug', '__typename']);

/**
 * True for a query that asks only for story pages: every root selection is a plain `storyBySlug`
 * (or `__typename`) field, without directives. Fragments at the root, mutations and any other
 * query are answered as usual.
 */
export function isCachedOperation(operation: OperationShape): boolean {
  if (operation.operation !== 'query') return false;
  const { selections } = operation.selectionSet;
  let asksForStory = false;
  for (const selection of selections) {
    if (selection.kind !== 'Field' || !selection.name || !CACHED_ROOT_FIELDS.has(selection.name.value)) return false;
    if (selection.directives && selection.directives.length > 0) return false;
    if (selection.name.value === 'storyBySlug') asksForStory = true;
  }
  return asksForStory;
}

/** The key of an answer: the document (by its hash), the operation chosen in it, and the variables. */
export function answerKey(queryHash: string, operationName: string | null | undefined, variables: unknown): string {
  return JSON.stringify([queryHash, operationName ?? null, variables ?? {}]);
}

interface Entry<Answer> {
  version: string;
  answer: Answer;
}

/**
 * A bounded map of answers, least recently used first out. `get` gives an answer only when it was
 * stored at the version asked for; an older one is dropped.
 */
export class PublicAnswerCache<Answer> {
  private readonly entries = new Map<string, Entry<Answer>>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string): Answer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.set(key, entry);
    return entry.answer;
  }

  set(key: string, version: string, answer: Answer): void {
    this.entries.delete(key);
    this.entries.set(key, { version, answer });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

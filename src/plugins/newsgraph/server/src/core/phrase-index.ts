import { foldPhrase, isAcronym, tokenize, type Token } from './text-folding';

/**
 * One index of every phrase that names an actor or a proposal, as a trie over folded tokens.
 *
 * Why a token trie rather than character Aho-Corasick (modern-ahocorasick was evaluated): names
 * match on whole words only ("US" must not match inside "USA" or "bus"), the matcher needs the
 * leftmost-longest phrase at each word, and editors change actors one at a time. A trie over
 * tokens gives word boundaries for free, finds the longest phrase by walking forward, and adds or
 * removes one actor's phrases without a rebuild. Matching a statement costs O(tokens x longest
 * phrase), whatever the number of actors.
 */

export type TargetKind = 'actor' | 'proposal';

/** How a phrase names its target, strongest first (used to break ties between equally long matches). */
export const MATCH_VIA = ['name', 'alias', 'title', 'title-surname', 'descriptor', 'surname'] as const;
export type MatchVia = (typeof MATCH_VIA)[number];

export interface IndexEntry {
  kind: TargetKind;
  id: string;
  via: MatchVia;
  /** For an acronym alias ("US", "EU"): the tokens as written, which the text must match exactly. */
  caseSensitiveTokens?: string[];
  /** Validity of a role descriptor, as YYYY-MM-DD; open ends are undefined. */
  validFrom?: string;
  validTo?: string;
}

export interface PhraseMatch {
  /** Token range [start, end) in the tokenized text. */
  start: number;
  end: number;
  /** The phrase as written in the text. */
  text: string;
  entries: IndexEntry[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entries: IndexEntry[];
}

const newNode = (): TrieNode => ({ children: new Map(), entries: [] });

/** Longest phrase the index accepts, in tokens: bounds the work per text position. */
export const MAX_PHRASE_TOKENS = 12;

export class PhraseIndex {
  private readonly root: TrieNode = newNode();
  /** What each target registered, so that it can be removed or replaced without a rebuild. */
  private readonly registered = new Map<string, Array<{ keys: string[]; entry: IndexEntry }>>();
  private phraseCount = 0;

  get size(): { targets: number; phrases: number } {
    return { targets: this.registered.size, phrases: this.phraseCount };
  }

  /**
   * Registers `text` as a name of the target. Phrases that fold to nothing, or are longer than
   * MAX_PHRASE_TOKENS, are ignored: they cannot be matched as words.
   * @returns whether the phrase was added
   */
  add(text: string, entry: Omit<IndexEntry, 'caseSensitiveTokens'>): boolean {
    const tokens = tokenize(text);
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) return false;
    const keys = tokens.map((token) => token.folded);
    const full: IndexEntry = isAcronym(text) ? { ...entry, caseSensitiveTokens: tokens.map((token) => token.original) } : { ...entry };

    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (!child) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    }
    const duplicate = node.entries.some((existing) => sameEntry(existing, full));
    if (duplicate) return false;
    node.entries.push(full);
    const targetKey = `${entry.kind}:${entry.id}`;
    const list = this.registered.get(targetKey) ?? [];
    list.push({ keys, entry: full });
    this.registered.set(targetKey, list);
    this.phraseCount += 1;
    return true;
  }

  /** Removes every phrase of one target. */
  remove(kind: TargetKind, id: string): void {
    const targetKey = `${kind}:${id}`;
    for (const { keys, entry } of this.registered.get(targetKey) ?? []) {
      const path: TrieNode[] = [this.root];
      for (const key of keys) {
        const next = path[path.length - 1]!.children.get(key);
        if (!next) break;
        path.push(next);
      }
      if (path.length !== keys.length + 1) continue;
      const node = path[path.length - 1]!;
      node.entries = node.entries.filter((existing) => existing !== entry);
      // Prune empty branches so that the trie does not grow with every rename.
      for (let depth = keys.length; depth > 0; depth -= 1) {
        const current = path[depth]!;
        if (current.entries.length > 0 || current.children.size > 0) break;
        path[depth - 1]!.children.delete(keys[depth - 1]!);
      }
      this.phraseCount -= 1;
    }
    this.registered.delete(targetKey);
  }

  /**
   * Finds named targets in `text`: at each word, the longest phrase with at least one accepted entry;
   * matches do not overlap (leftmost-longest). `accept` filters entries, e.g. descriptors outside
   * their dates, so that a longer but invalid phrase never hides a shorter valid one.
   */
  match(text: string, accept: (entry: IndexEntry) => boolean = () => true): PhraseMatch[] {
    const tokens = tokenize(text);
    const matches: PhraseMatch[] = [];
    let position = 0;
    while (position < tokens.length) {
      const found = this.longestAt(tokens, position, accept);
      if (found) {
        matches.push({ ...found, text: text.slice(tokens[found.start]!.start, tokens[found.end - 1]!.end) });
        position = found.end;
      } else {
        position += 1;
      }
    }
    return matches;
  }

  private longestAt(tokens: Token[], start: number, accept: (entry: IndexEntry) => boolean): Omit<PhraseMatch, 'text'> | null {
    let node = this.root;
    let best: Omit<PhraseMatch, 'text'> | null = null;
    for (let index = start; index < tokens.length && index - start < MAX_PHRASE_TOKENS; index += 1) {
      const next = node.children.get(tokens[index]!.folded);
      if (!next) break;
      node = next;
      if (node.entries.length === 0) continue;
      const written = tokens.slice(start, index + 1).map((token) => token.original);
      const entries = node.entries.filter((entry) => accept(entry) && (!entry.caseSensitiveTokens || sameTokens(entry.caseSensitiveTokens, written)));
      if (entries.length > 0) best = { start, end: index + 1, entries };
    }
    return best;
  }
}

function sameTokens(expected: string[], written: string[]): boolean {
  return expected.length === written.length && expected.every((token, index) => token === written[index]);
}

function sameEntry(a: IndexEntry, b: IndexEntry): boolean {
  return a.kind === b.kind && a.id === b.id && a.via === b.via && a.validFrom === b.validFrom && a.validTo === b.validTo;
}

export { foldPhrase };

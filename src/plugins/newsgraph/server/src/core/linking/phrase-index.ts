import { FUNCTION_WORDS, contentWords, lemmaKey } from './lemmas';
import { foldPhrase, isAcronym, isShouting, tokenize, type Token } from './text-folding';

/**
 * One index of every phrase that names an actor or a proposal, as a trie over folded tokens.
 *
 * Why a token trie rather than character Aho-Corasick (modern-ahocorasick was evaluated): names
 * match on whole words only ("US" must not match inside "USA" or "bus"), the matcher needs the
 * leftmost-longest phrase at each word, and editors change actors one at a time. A trie over
 * tokens gives word boundaries for free, finds the longest phrase by walking forward, and adds or
 * removes one actor's phrases without a rebuild. Matching a statement costs O(tokens x longest
 * phrase), whatever the number of actors.
 *
 * Actors and proposals do not compete for the same words: each kind has its own trie and its own
 * leftmost-longest pass, so "tariffs on China" is the proposal and, inside it, China. Actor phrases
 * are keyed by folded words; proposal phrases by the lemmas of the words that count (lemmas.ts), so
 * that "ending the blockade" meets "end to the blockade".
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
  /**
   * For a surname: the folded titles and forms of address that may precede it ("president", "mr").
   * "President Halas" is then matched as title plus surname, which outranks a bare surname, without
   * indexing every title-surname pair.
   */
  titles?: string[];
  /**
   * A place name that stands for its actor only when it acts: a capital or a seat of power ("Paris
   * rejected", "the Kremlin said"), not after a preposition of place ("in Paris"). See the linker.
   */
  place?: true;
  /** For a proposal: its kind (negotiation, exchange...), which definite descriptions refer to. */
  proposalKind?: string;
  /**
   * For a proposal phrase of one word that counts after words that do not ("the truce", "the
   * talks"): those words, folded, which must precede it in the text as written. Without them the
   * phrase would be a bare common noun, found in every "peace talks".
   */
  exactBefore?: string[];
}

export interface PhraseMatch {
  /** Token range [start, end) in the tokenized text. */
  start: number;
  end: number;
  /** The phrase as written in the text. */
  text: string;
  entries: IndexEntry[];
}

/**
 * Memory matters at 100k actors: children and entries are created on first use, a node with a
 * single child (most nodes of a name trie) keeps it in two fields instead of a Map, and a node that
 * names one target (most of them) keeps its entry without an array around it.
 */
interface TrieNode {
  onlyKey?: string;
  onlyChild?: TrieNode;
  children?: Map<string, TrieNode>;
  entries?: IndexEntry | IndexEntry[];
}

function entriesOf(node: TrieNode): IndexEntry[] {
  const { entries } = node;
  if (entries === undefined) return [];
  return Array.isArray(entries) ? entries : [entries];
}

function setEntries(node: TrieNode, entries: IndexEntry[]): void {
  if (entries.length === 0) delete node.entries;
  else node.entries = entries.length === 1 ? entries[0] : entries;
}

const newNode = (): TrieNode => ({});

function childOf(node: TrieNode, key: string): TrieNode | undefined {
  if (node.onlyKey === key) return node.onlyChild;
  return node.children?.get(key);
}

function addChild(node: TrieNode, key: string): TrieNode {
  const existing = childOf(node, key);
  if (existing) return existing;
  const child = newNode();
  if (node.onlyKey === undefined && !node.children) {
    node.onlyKey = key;
    node.onlyChild = child;
    return child;
  }
  if (!node.children) {
    node.children = new Map([[node.onlyKey!, node.onlyChild!]]);
    delete node.onlyKey;
    delete node.onlyChild;
  }
  node.children.set(key, child);
  return child;
}

/** Longest phrase the index accepts, in tokens: bounds the work per text position. */
export const MAX_PHRASE_TOKENS = 12;

const NOBODY: ReadonlySet<string> = new Set();

/** Characters between two words that end a phrase: a proposal's words, function words aside, must stand in one clause. */
const CLAUSE_BREAK = /[.,;:!?()[\]{}"\u201c\u201d]/;

export class PhraseIndex {
  private readonly root: TrieNode = newNode();
  /** Proposal phrases, keyed by the lemmas of their content words. */
  private readonly proposalRoot: TrieNode = newNode();
  /**
   * Where each target's entries sit, so that it can be removed or replaced without a rebuild. Nodes
   * left empty by a removal stay in the trie (they match nothing) until the next full rebuild.
   */
  private readonly registered = new Map<string, TrieNode[]>();
  private phraseCount = 0;
  /**
   * Actors by the definite descriptions their names give ("army": the Bolivian Army...; see
   * actor-descriptions.ts). Kept beside the trie, not in it: "the army" is settled against the story,
   * never matched as a name, and a few dozen words key every actor that has one.
   */
  private readonly described = new Map<string, Set<string>>();
  /** Each proposal's head nouns as lemma keys ("strike", "export control"; see linkable.ts proposalHeads). */
  private readonly proposalHeads = new Map<string, readonly string[]>();
  /** How many proposals have each head: "the strike" is looked for only when some proposal is a strike. */
  private readonly headCounts = new Map<string, number>();

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
    const content = entry.kind === 'proposal' ? contentWords(tokens) : null;
    const keys = content ? content.map((word) => word.key) : tokens.map((token) => token.folded);
    if (keys.length === 0 || keys.length > MAX_PHRASE_TOKENS) return false;
    // Only the keys that carry a value: at a million entries, every empty slot costs megabytes.
    const full: IndexEntry = { kind: entry.kind, id: entry.id, via: entry.via };
    if (entry.validFrom !== undefined) full.validFrom = entry.validFrom;
    if (entry.validTo !== undefined) full.validTo = entry.validTo;
    if (entry.titles !== undefined) full.titles = entry.titles;
    if (entry.place) full.place = true;
    if (entry.proposalKind !== undefined) full.proposalKind = entry.proposalKind;
    if (content?.length === 1 && content[0]!.token > 0) full.exactBefore = tokens.slice(0, content[0]!.token).map((token) => token.folded);
    if (entry.kind === 'actor' && isAcronym(text)) full.caseSensitiveTokens = tokens.map((token) => token.original);

    let node = entry.kind === 'proposal' ? this.proposalRoot : this.root;
    for (const key of keys) node = addChild(node, key);
    const existing = entriesOf(node);
    if (existing.some((entry) => sameEntry(entry, full))) return false;
    setEntries(node, [...existing, full]);
    const targetKey = `${entry.kind}:${entry.id}`;
    const list = this.registered.get(targetKey) ?? [];
    list.push(node);
    this.registered.set(targetKey, list);
    this.phraseCount += 1;
    return true;
  }

  /** Registers the description words of an actor ("army", "central bank"), which remove() takes away with its phrases. */
  describe(id: string, words: readonly string[]): void {
    for (const word of words) {
      const actors = this.described.get(word) ?? new Set<string>();
      actors.add(id);
      this.described.set(word, actors);
    }
  }

  /** The actors a description word may refer to ("army"), before the story settles which. */
  describedAs(word: string): ReadonlySet<string> {
    return this.described.get(word) ?? NOBODY;
  }

  /** Registers the head nouns of a proposal's title and aliases, as lemma keys, which remove() takes away. */
  setProposalHeads(id: string, heads: readonly string[]): void {
    this.dropProposalHeads(id);
    if (heads.length === 0) return;
    this.proposalHeads.set(id, heads);
    for (const head of heads) this.headCounts.set(head, (this.headCounts.get(head) ?? 0) + 1);
  }

  /** The head nouns of a proposal (lemma keys). */
  proposalHeadsOf(id: string): readonly string[] {
    return this.proposalHeads.get(id) ?? [];
  }

  /** Whether any proposal has a head noun: without one, no text is searched for "the strike". */
  get hasProposalHeads(): boolean {
    return this.headCounts.size > 0;
  }

  /** Whether some proposal has this head noun (a lemma key, or two joined by a space). */
  isProposalHead(key: string): boolean {
    return this.headCounts.has(key);
  }

  private dropProposalHeads(id: string): void {
    for (const head of this.proposalHeads.get(id) ?? []) {
      const left = (this.headCounts.get(head) ?? 1) - 1;
      if (left > 0) this.headCounts.set(head, left);
      else this.headCounts.delete(head);
    }
    this.proposalHeads.delete(id);
  }

  /** Removes every phrase of one target. */
  remove(kind: TargetKind, id: string): void {
    if (kind === 'actor') for (const actors of this.described.values()) actors.delete(id);
    else this.dropProposalHeads(id);
    const targetKey = `${kind}:${id}`;
    for (const node of new Set(this.registered.get(targetKey) ?? [])) {
      const before = entriesOf(node);
      const kept = before.filter((entry) => !(entry.kind === kind && entry.id === id));
      setEntries(node, kept);
      this.phraseCount -= before.length - kept.length;
    }
    this.registered.delete(targetKey);
  }

  /**
   * Finds named targets in `text`, actors and proposals each in their own pass (see matchByKind),
   * actors first, then proposals.
   */
  match(text: string, accept: (entry: IndexEntry) => boolean = () => true): PhraseMatch[] {
    const { actors, proposals } = this.matchByKind(text, accept);
    return [...actors, ...proposals];
  }

  /**
   * Finds named actors and proposals in `text`: for each kind, at each word, the longest phrase with
   * at least one accepted entry; matches of one kind do not overlap (leftmost-longest), while an
   * actor may sit inside a proposal's phrase. `accept` filters entries, e.g. descriptors outside
   * their dates, so that a longer but invalid phrase never hides a shorter valid one. An attribution
   * names speakers only: `kinds.proposals` false skips the proposal pass.
   */
  matchByKind(text: string, accept: (entry: IndexEntry) => boolean = () => true, kinds: { proposals: boolean } = { proposals: true }): { tokens: Token[]; actors: PhraseMatch[]; proposals: PhraseMatch[] } {
    const tokens = tokenize(text);
    // Read only when an acronym is about to match: most texts never need it.
    let shoutingKnown: boolean | undefined;
    const shouting = () => (shoutingKnown ??= isShouting(tokens));
    const actors: PhraseMatch[] = [];
    let position = 0;
    while (position < tokens.length) {
      const found = this.longestAt(tokens, position, accept, shouting);
      if (found) {
        const titled = withTitle(found, tokens, actors[actors.length - 1]?.end ?? 0);
        actors.push({ ...titled, text: text.slice(tokens[titled.start]!.start, tokens[titled.end - 1]!.end) });
        position = found.end;
      } else {
        position += 1;
      }
    }
    return { tokens, actors, proposals: kinds.proposals ? this.proposalsIn(text, tokens, accept) : [] };
  }

  private longestAt(tokens: Token[], start: number, accept: (entry: IndexEntry) => boolean, shouting: () => boolean): Omit<PhraseMatch, 'text'> | null {
    let node = this.root;
    let best: Omit<PhraseMatch, 'text'> | null = null;
    for (let index = start; index < tokens.length && index - start < MAX_PHRASE_TOKENS; index += 1) {
      const next = childOf(node, tokens[index]!.folded);
      if (!next) break;
      node = next;
      if (!node.entries) continue;
      // An acronym counts written in capitals, and, in a text written in capitals, only dotted ("U.S.").
      const acronymFits = (expected: string[]) => {
        const span = tokens.slice(start, index + 1);
        return sameTokens(expected, span.map((token) => token.original)) && (span.every((token) => token.dotted) || !shouting());
      };
      const entries = entriesOf(node).filter((entry) => accept(entry) && (!entry.caseSensitiveTokens || acronymFits(entry.caseSensitiveTokens)));
      if (entries.length > 0) best = { start, end: index + 1, entries };
    }
    return best;
  }

  /** Proposal phrases, leftmost-longest over the lemmas of the words that count, within one clause. */
  private proposalsIn(text: string, tokens: Token[], accept: (entry: IndexEntry) => boolean): PhraseMatch[] {
    if (!this.proposalRoot.onlyKey && !this.proposalRoot.children) return [];
    // Parallel arrays rather than an object per word: this runs on every statement of a newsroom with proposals.
    const keys: string[] = [];
    const at: number[] = [];
    for (let position = 0; position < tokens.length; position += 1) {
      const folded = tokens[position]!.folded;
      if (FUNCTION_WORDS.has(folded)) continue;
      keys.push(lemmaKey(folded));
      at.push(position);
    }
    const matches: PhraseMatch[] = [];
    let position = 0;
    while (position < keys.length) {
      let node = this.proposalRoot;
      let best: { end: number; entries: IndexEntry[] } | null = null;
      for (let index = position; index < keys.length && index - position < MAX_PHRASE_TOKENS; index += 1) {
        const next = childOf(node, keys[index]!);
        if (!next) break;
        if (index > position && CLAUSE_BREAK.test(text.slice(tokens[at[index - 1]!]!.end, tokens[at[index]!]!.start))) break;
        node = next;
        if (!node.entries) continue;
        const entries = entriesOf(node).filter((entry) => accept(entry) && (!entry.exactBefore || (index === position && precededBy(tokens, at[position]!, entry.exactBefore))));
        if (entries.length > 0) best = { end: index + 1, entries };
      }
      if (best) {
        const lead = Math.max(0, ...best.entries.map((entry) => entry.exactBefore?.length ?? 0));
        const first = at[position]! - lead;
        const last = at[best.end - 1]!;
        matches.push({ start: first, end: last + 1, entries: best.entries, text: text.slice(tokens[first]!.start, tokens[last]!.end) });
        position = best.end;
      } else {
        position += 1;
      }
    }
    return matches;
  }
}

/**
 * A surname right after one of its holder's titles ("President Halas", "Mr Halas") names that holder
 * as title plus surname: the match takes in the title, and holders without that title drop out.
 */
function withTitle(match: Omit<PhraseMatch, 'text'>, tokens: Token[], firstFree: number): Omit<PhraseMatch, 'text'> {
  let best: { length: number; entries: IndexEntry[] } | null = null;
  for (const entry of match.entries) {
    if (entry.via !== 'surname') continue;
    for (const title of entry.titles ?? []) {
      const words = title.split(' ');
      const from = match.start - words.length;
      if (from < firstFree || !words.every((word, offset) => tokens[from + offset]!.folded === word)) continue;
      if (!best || words.length > best.length) best = { length: words.length, entries: [] };
      if (words.length === best.length && !best.entries.includes(entry)) best.entries.push(entry);
    }
  }
  if (!best) return match;
  // The title settles it: only the holders of that title remain, whatever else the surname matched.
  return { start: match.start - best.length, end: match.end, entries: best.entries.map((entry) => ({ ...entry, via: 'title-surname' as const })) };
}

/** Whether the tokens right before `position` are `words` (folded). */
function precededBy(tokens: Token[], position: number, words: string[]): boolean {
  const from = position - words.length;
  return from >= 0 && words.every((word, offset) => tokens[from + offset]!.folded === word);
}

function sameTokens(expected: string[], written: string[]): boolean {
  return expected.length === written.length && expected.every((token, index) => token === written[index]);
}

function sameEntry(a: IndexEntry, b: IndexEntry): boolean {
  return a.kind === b.kind && a.id === b.id && a.via === b.via && a.validFrom === b.validFrom && a.validTo === b.validTo && String(a.titles) === String(b.titles) && a.place === b.place && a.proposalKind === b.proposalKind && String(a.exactBefore) === String(b.exactBefore);
}

export { foldPhrase };

import { PhraseIndex, type IndexEntry } from './phrase-index';
import { tokenize } from './text-folding';

/** What the linker needs to know about an actor. */
export interface LinkableActor {
  documentId: string;
  name: string;
  kind: string;
  country?: string | null;
  /** documentId of the actor it speaks for. */
  affiliation?: string | null;
  aliases?: Array<{ name?: string | null }> | null;
  positions?: Array<{ title?: string | null; descriptors?: string | null; from?: string | null; to?: string | null }> | null;
}

export interface LinkableProposal {
  documentId: string;
  title: string;
  aliases?: Array<{ name?: string | null }> | null;
}

/** Forms of address that, followed by a surname, name a person ("Mr Halvik"). */
const HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Sir'];

/** A leading article is not part of a role ("the Ukrainian leader" is indexed as "Ukrainian leader"). */
function withoutArticle(phrase: string): string {
  return phrase.trim().replace(/^(the|a|an)\s+/i, '');
}

function dateOnly(value: string | null | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined;
}

/**
 * Registers every phrase that names `actor`: its name, its aliases, for a person the surname alone
 * and after a title or form of address ("Putin", "President Putin", "Mr Putin"), and the role
 * descriptors of its positions with their dates. Replaces what the actor registered before.
 */
export function indexActor(index: PhraseIndex, actor: LinkableActor): void {
  index.remove('actor', actor.documentId);
  const entry = (via: IndexEntry['via'], extra: Partial<IndexEntry> = {}) => ({ kind: 'actor' as const, id: actor.documentId, via, ...extra });

  index.add(actor.name, entry('name'));
  for (const alias of actor.aliases ?? []) if (alias.name) index.add(alias.name, entry('alias'));

  const nameTokens = tokenize(actor.name);
  if (actor.kind === 'person' && nameTokens.length >= 2) {
    const surname = nameTokens[nameTokens.length - 1]!.original;
    index.add(surname, entry('surname'));
    const titles = new Set(HONORIFICS);
    for (const position of actor.positions ?? []) {
      const firstWord = position.title ? tokenize(position.title)[0]?.original : undefined;
      if (firstWord) titles.add(firstWord);
    }
    for (const title of titles) index.add(`${title} ${surname}`, entry('title-surname'));
  }

  for (const position of actor.positions ?? []) {
    const validity = { validFrom: dateOnly(position.from), validTo: dateOnly(position.to) };
    for (const line of (position.descriptors ?? '').split('\n')) {
      const descriptor = withoutArticle(line);
      if (descriptor) index.add(descriptor, entry('descriptor', validity));
    }
  }
}

/** Registers a proposal's title and aliases. */
export function indexProposal(index: PhraseIndex, proposal: LinkableProposal): void {
  index.remove('proposal', proposal.documentId);
  index.add(proposal.title, { kind: 'proposal', id: proposal.documentId, via: 'title' });
  for (const alias of proposal.aliases ?? []) {
    if (alias.name) index.add(alias.name, { kind: 'proposal', id: proposal.documentId, via: 'alias' });
  }
}

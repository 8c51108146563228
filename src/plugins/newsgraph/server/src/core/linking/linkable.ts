import { descriptionWordsOf } from './actor-descriptions';
import { FUNCTION_WORDS, lemmaKey } from './lemmas';
import { PhraseIndex, type IndexEntry } from './phrase-index';
import { foldPhrase, tokenize } from './text-folding';
import { familyNames } from './naming-conventions';
import { officeDescriptors } from './office-descriptors';
import type { CountryWords } from '../countries/country-words';

/** What the linker needs to know about an actor. */
export interface LinkableActor {
  documentId: string;
  name: string;
  kind: string;
  /** The editor's description, whose opening words may say what kind of group it is ("paramilitary force"). */
  description?: string | null;
  country?: string | null;
  /** documentId of the actor it speaks for. */
  affiliation?: string | null;
  aliases?: Array<{ name?: string | null }> | null;
  positions?: Array<{ title?: string | null; descriptors?: string | null; from?: string | null; to?: string | null }> | null;
}

export interface LinkableProposal {
  documentId: string;
  title: string;
  /** negotiation, exchange, sanction...: what "the talks" or "the exchange" may refer to. */
  kind?: string | null;
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

export interface ActorPhrase {
  text: string;
  via: IndexEntry['via'];
  validFrom?: string;
  validTo?: string;
  /** For a surname: the titles that may precede it (see IndexEntry.titles). */
  titles?: string[];
  /** A capital or seat of power (see IndexEntry.place). */
  place?: true;
}

/**
 * Every phrase that names `actor`: its name, its aliases, for a person the surname alone and after a
 * title or form of address ("Putin", "President Putin", "Mr Putin"; surnames are taken from the name
 * and from every alias of two words or more, so "Vargová" comes with "Elena Vargová"; for a person of a
 * country with the Spanish custom also the father's family name, naming-conventions.ts; the titles are matched
 * in front of the surname at match time), and the role
 * descriptors of its positions with their dates: those an editor typed, or for a person's position
 * with none typed, those its national office gives when `countries` is passed ("President of Ukraine":
 * "Ukrainian president", "Ukrainian leader"; office-descriptors.ts).
 */
export function actorPhrases(actor: LinkableActor, places: ReadonlySet<string> = NO_PLACES, countries?: CountryWords): ActorPhrase[] {
  const phrases: ActorPhrase[] = [{ text: actor.name, via: 'name' }];
  const aliases = (actor.aliases ?? []).map((alias) => alias.name ?? '').filter((name) => name.trim() !== '');
  for (const alias of aliases) phrases.push(places.size > 0 && places.has(foldPhrase(alias)) ? { text: alias, via: 'alias', place: true } : { text: alias, via: 'alias' });

  if (actor.kind === 'person') {
    // The words of a position's title before "of" ("Prime Minister of X" gives "Prime Minister"),
    // and the last of them alone ("Minister").
    const titles = new Set(HONORIFICS);
    for (const position of actor.positions ?? []) {
      const head = (position.title ?? '').split(/\s+(?:of|for|to)\s+|,/i)[0] ?? '';
      const words = tokenize(head).map((token) => token.original);
      if (words.length > 0 && words.length <= 4) {
        titles.add(words.join(' '));
        titles.add(words[words.length - 1]!);
      }
    }
    const surnames = new Set<string>();
    for (const fullName of [actor.name, ...aliases]) {
      for (const surname of familyNames(tokenize(fullName).map((token) => token.original), actor.country)) surnames.add(surname);
    }
    const foldedTitles = [...titles].map((title) => tokenize(title).map((token) => token.folded).join(' '));
    for (const surname of surnames) phrases.push({ text: surname, via: 'surname', titles: foldedTitles });
  }

  for (const position of actor.positions ?? []) {
    const typed = (position.descriptors ?? '').split('\n').map(withoutArticle).filter((descriptor) => descriptor !== '');
    // Descriptors an editor typed are the position's; without them, a person's national office gives its own.
    const descriptors = typed.length > 0 || actor.kind !== 'person' || !countries ? typed : officeDescriptors(position.title, actor.country, countries);
    for (const descriptor of descriptors) phrases.push({ text: descriptor, via: 'descriptor', validFrom: dateOnly(position.from), validTo: dateOnly(position.to) });
  }
  return phrases;
}

const NO_PLACES: ReadonlySet<string> = new Set();

/**
 * Registers every phrase of `actor` (see actorPhrases) and the descriptions its name gives ("the army":
 * actor-descriptions.ts), replacing what it registered before.
 * @param places folded names of capitals and seats of power (core/countries/place-names.ts): an
 *   alias among them names the actor only when it acts, not after a preposition of place
 * @param countries the gazetteer's country words (core/countries/country-words.ts), for the
 *   descriptors of national offices
 */
export function indexActor(index: PhraseIndex, actor: LinkableActor, places: ReadonlySet<string> = NO_PLACES, countries?: CountryWords): void {
  index.remove('actor', actor.documentId);
  for (const phrase of actorPhrases(actor, places, countries)) {
    index.add(phrase.text, { kind: 'actor', id: actor.documentId, via: phrase.via, validFrom: phrase.validFrom, validTo: phrase.validTo, titles: phrase.titles, place: phrase.place });
  }
  index.describe(actor.documentId, descriptionWordsOf(actor));
}

/** Words that end a proposal name's head before its complement ("tariffs on European steel": "tariffs"). */
const PROPOSAL_COMPLEMENTS = new Set(['on', 'of', 'for', 'with', 'against', 'from', 'to', 'in', 'during', 'between', 'by', 'over', 'at']);
/**
 * Heads too general to stand for one proposal: a story speaks of many plans, deals, laws and lists
 * ("the plan" is rarely the one proposal called "Harbour relief plan").
 */
const GENERAL_HEADS = new Set(['plan', 'deal', 'proposal', 'idea', 'law', 'rule', 'measure', 'programme', 'program', 'meeting', 'list', 'text', 'end', 'protection', 'relief', 'process', 'bill', 'policy', 'reform', 'package']);

/**
 * The head nouns of a proposal's names as lemma keys: the last word before a complement ("U.S.
 * tariffs on European steel": "tariff"; "Air traffic controllers' strike": "strike"), alone and with
 * the word before it ("export control" for "Chinese export controls on rare earths"), so that "the
 * strike" or "the export controls" can refer to it in a story (see the linker). General heads ("plan",
 * "deal") are left out.
 */
export function proposalHeads(proposal: LinkableProposal): string[] {
  const heads = new Set<string>();
  for (const name of [proposal.title, ...(proposal.aliases ?? []).map((alias) => alias.name ?? '')]) {
    const words = tokenize(name).map((token) => token.folded);
    const complement = words.findIndex((word, position) => position > 0 && PROPOSAL_COMPLEMENTS.has(word));
    const head = (complement === -1 ? words : words.slice(0, complement)).filter((word) => !FUNCTION_WORDS.has(word));
    const last = head[head.length - 1];
    if (!last || !/^\p{L}+$/u.test(last) || GENERAL_HEADS.has(lemmaKey(last))) continue;
    heads.add(lemmaKey(last));
    const before = head[head.length - 2];
    if (before && /^\p{L}+$/u.test(before)) heads.add(`${lemmaKey(before)} ${lemmaKey(last)}`);
  }
  return [...heads];
}

/** Registers a proposal's title and aliases (matched on lemmas, see lemmas.ts), with its kind and head nouns. */
export function indexProposal(index: PhraseIndex, proposal: LinkableProposal): void {
  index.remove('proposal', proposal.documentId);
  const proposalKind = proposal.kind ?? undefined;
  index.add(proposal.title, { kind: 'proposal', id: proposal.documentId, via: 'title', proposalKind });
  for (const alias of proposal.aliases ?? []) {
    if (alias.name) index.add(alias.name, { kind: 'proposal', id: proposal.documentId, via: 'alias', proposalKind });
  }
  index.setProposalHeads(proposal.documentId, proposalHeads(proposal));
}

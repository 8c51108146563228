import countries from 'world-countries';
import { countryAliases, type CountryRecord } from '../countries/country-enrichment';
import { organizationAliases } from '../countries/organization-aliases';
import { placeNames } from '../countries/place-names';
import { indexActor, indexProposal, type LinkableActor, type LinkableProposal } from './linkable';
import { linkStatement, type LinkInput, type LinkResult } from './linker';
import { PhraseIndex } from './phrase-index';

/*
 * The ways wire copy names actors and proposals beyond their names and aliases (issue 14), on a
 * cast entered in a hurry: countries by name only (the gazetteer adds the rest), organizations by
 * name and kind (their initialisms and possessive forms are added), people by name and position.
 * Every sentence is written for these tests.
 */
const COUNTRIES = countries as unknown as CountryRecord[];
const PLACES = placeNames(COUNTRIES);

function country(documentId: string, name: string, cca2: string): LinkableActor {
  const record = COUNTRIES.find((entry) => entry.cca2 === cca2)!;
  return { documentId, name, kind: 'country', country: cca2, aliases: countryAliases(record, name, COUNTRIES) };
}
function organization(documentId: string, name: string, countryCode: string | null = null): LinkableActor {
  return { documentId, name, kind: 'organization', country: countryCode, aliases: organizationAliases(name, COUNTRIES) };
}

const CAST: LinkableActor[] = [
  country('fr', 'France', 'FR'),
  country('cn', 'China', 'CN'),
  country('us', 'United States', 'US'),
  country('gb', 'United Kingdom', 'GB'),
  country('ru', 'Russia', 'RU'),
  country('jp', 'Japan', 'JP'),
  country('il', 'Israel', 'IL'),
  country('bo', 'Bolivia', 'BO'),
  // An editor's own alias: a city that is not a capital names its country wherever it stands.
  { ...country('ch', 'Switzerland', 'CH'), aliases: [...country('ch', 'Switzerland', 'CH').aliases!, { name: 'Geneva' }] },
  organization('fr-navy', 'French Navy', 'FR'),
  organization('jp-mfa', 'Japanese Ministry of Foreign Affairs', 'JP'),
  organization('eu', 'European Union'),
  organization('nato', 'North Atlantic Treaty Organization'),
  { documentId: 'aubert', name: 'Claire Aubert', kind: 'person', country: 'FR', positions: [{ title: 'Minister of Trade', descriptors: 'the French trade minister', from: '2023-01-01' }] },
];

const PROPOSALS: LinkableProposal[] = [
  { documentId: 'tariffs', title: 'tariffs on China', kind: 'sanction' },
  { documentId: 'blockade', title: 'Harbour blockade relief plan', kind: 'other', aliases: [{ name: 'end to the blockade' }] },
  { documentId: 'strike', title: 'end the strike', kind: 'other' },
  { documentId: 'geneva', title: 'Geneva talks', kind: 'negotiation', aliases: [{ name: 'talks in Geneva' }] },
  { documentId: 'doha', title: 'Doha negotiations', kind: 'negotiation' },
  { documentId: 'swap', title: 'prisoner exchange', kind: 'exchange' },
  { documentId: 'memo', title: 'memorandum on grain', kind: 'agreement' },
  { documentId: 'truce', title: 'Easter truce', kind: 'ceasefire', aliases: [{ name: 'the truce' }] },
];

function castIndex(): PhraseIndex {
  const index = new PhraseIndex();
  for (const actor of CAST) indexActor(index, actor, PLACES);
  for (const proposal of PROPOSALS) indexProposal(index, proposal);
  return index;
}
const INDEX = castIndex();
const facts = (id: string) => CAST.find((actor) => actor.documentId === id);
const link = (text: string, input: Partial<LinkInput> = {}): LinkResult => linkStatement({ text, onDate: '2025-03-14', ...input }, INDEX, facts);
const mentions = (text: string, input: Partial<LinkInput> = {}) => [...link(text, input).mentions].sort();
const proposals = (text: string, input: Partial<LinkInput> = {}) => [...link(text, input).proposals].sort();

describe('linkStatement (names inside a proposal)', () => {
  it('linkStatement - should mention the actor named inside a proposal phrase, and the proposal', () => {
    const result = link('Washington threatened new tariffs on China after the talks in Geneva stalled.');
    expect([...result.mentions].sort()).toEqual(['ch', 'cn', 'us']);
    expect([...result.proposals].sort()).toEqual(['geneva', 'tariffs']);
  });

  it('linkStatement - should still find a speaker named inside a proposal phrase of the attribution', () => {
    expect(link('', { attribution: 'said Claire Aubert, who backs tariffs on China' }).speaker).toBe('aubert');
  });
});

describe('linkStatement (capitals and seats of power)', () => {
  it.each([
    ['Paris rejected the offer late on Tuesday.', ['fr']],
    ["Beijing's position has not moved, a diplomat said.", ['cn']],
    ['The Élysée said the envoy would travel on Friday.', ['fr']],
    ['Downing Street denied any split in the cabinet.', ['gb']],
    ['The White House announced a pause in shipments.', ['us']],
    ['The Kremlin launched a review of the accord.', ['ru']],
    ["The minister met officials in Beijing's embassy compound.", ['cn']],
    // A seat of government that is not the gazetteer's capital (Sucre) counts as one.
    ['La Paz rejected the truckers\' demands on Monday.', ['bo']],
  ])('linkStatement - should take a capital or seat that acts for its country: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    ['She met the minister in Paris on Sunday.'],
    ['Delegates flew from Beijing to Moscow overnight.'],
    ['Talks are due at the Kremlin next week.'],
    ['Protesters gathered outside Downing Street and near the White House.'],
    ['Envoys shuttled between meetings in Paris and London.'],
    ['Fuel lorries queued outside La Paz for a third day.'],
  ])('linkStatement - should not take a capital or seat after a preposition of place: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('linkStatement - should not take a capital as speaker when it only says where', () => {
    expect(link('', { attribution: 'Speaking in Paris, Claire Aubert said' }).speaker).toBe('aubert');
    expect(link('', { attribution: 'an official in Paris said' }).speaker).toBeNull();
  });
});

describe('linkStatement (dotted initialisms)', () => {
  it.each([
    ['The U.S. envoy arrived on Monday.', ['us']],
    ['Officials in the U.K. and the U.S. declined to comment.', ['gb', 'us']],
    ['US and UK officials met again.', ['gb', 'us']],
    ['THE U.S. WILL NOT BACK DOWN, THE SENATOR SHOUTED.', ['us']],
  ])('linkStatement - should find a country by its dotted initialism: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([['Let us be clear about what was agreed.'], ['"LET US FINISH THE JOB," HE TOLD THE CROWD.'], ['He told us the uk team had left.']])(
    'linkStatement - should not take the pronoun or a lower-case form as a country: %s',
    (text) => {
      expect(mentions(text)).toEqual([]);
    }
  );
});

describe('linkStatement (plural demonyms)', () => {
  it.each([
    ['The French sent a delegation to the border.', ['fr']],
    ['The Chinese responded within hours.', ['cn']],
    ['The Americans and the Russians traded accusations.', ['ru', 'us']],
    ['The Israelis said the crossing would reopen.', ['il']],
  ])('linkStatement - should take a demonym for the people as its country: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe('linkStatement (organization variants)', () => {
  it.each([
    ["France's navy said a frigate had shadowed the tanker.", ['fr-navy']],
    ["Japan's foreign ministry summoned the ambassador.", ['jp-mfa']],
    ['The Japanese foreign ministry declined to comment.', ['jp-mfa']],
    ['The EU and NATO issued a joint statement.', ['eu', 'nato']],
  ])('linkStatement - should find an organization by another form of its name: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([['The eu prefix was dropped from the domain.'], ['Nato forces, nato, nato: the chant rose.']])(
    'linkStatement - should not take an initialism written in lower case: %s',
    (text) => {
      expect(mentions(text)).toEqual([]);
    }
  );
});

describe('linkStatement (proposals by other word forms)', () => {
  it.each([
    ['Mediators pushed for ending the blockade before winter.', ['blockade']],
    ['The union voted to end a strike that had shut the port.', ['strike']],
    ['Both sides want an end of the blockade.', ['blockade']],
  ])('linkStatement - should match a proposal on lemmas, function words aside: %s', (text, expected) => {
    expect(proposals(text)).toEqual(expected);
  });

  it('linkStatement - should keep a one-word phrase behind its function words ("the truce" is not every truce)', () => {
    expect(proposals('Both armies said the truce was holding.')).toEqual(['truce']);
    expect(link('Both armies said the truce was holding.').proposals).toEqual(['truce']);
    expect(proposals('Any truce would need monitors.')).toEqual([]);
    expect(proposals('A truce, he said, was far off.')).toEqual([]);
  });

  it("linkStatement - should not take another story's proposal for one common word when the story has its own of that kind", () => {
    expect(link('Both armies said the truce was holding.').consultedStoryProposals).toBe(true);
    // The story's own ceasefire is "the truce" there, found as a description.
    expect(proposals('Both armies said the truce was holding.', { storyProposals: [{ id: 'coast-truce', kind: 'ceasefire' }] })).toEqual(['coast-truce']);
    // A story with no ceasefire of its own still takes the newsroom's.
    expect(proposals('Both armies said the truce was holding.', { storyProposals: [{ id: 'geneva', kind: 'negotiation' }] })).toEqual(['truce']);
    expect(proposals('Both armies said the truce was holding.', { storyProposals: [] })).toEqual(['truce']);
    // A longer phrase names its proposal in any story.
    expect(proposals('The Easter truce was holding.', { storyProposals: [{ id: 'coast-truce', kind: 'ceasefire' }] })).toEqual(['truce']);
  });

  it('linkStatement - should take, of two proposals one phrase names, the story\'s, and record both when the story has neither', () => {
    const index = new PhraseIndex();
    indexProposal(index, { documentId: 'swap-a', title: 'Prisoner exchange', kind: 'exchange', aliases: [{ name: 'prisoner swap' }] });
    indexProposal(index, { documentId: 'swap-b', title: 'Prisoner exchange', kind: 'exchange', aliases: [{ name: 'prisoner swap' }] });
    const twoSwaps = (storyProposals: Array<{ id: string; kind: string }> | undefined) => linkStatement({ text: 'A prisoner swap could follow.', storyProposals }, index, facts);
    expect(twoSwaps([{ id: 'swap-b', kind: 'exchange' }]).proposals).toEqual(['swap-b']);
    expect(twoSwaps(undefined).consultedStoryProposals).toBe(true);
    const neither = twoSwaps([]);
    expect(neither.proposals).toEqual([]);
    expect(neither.ambiguousProposals).toEqual([{ field: 'text', phrase: 'prisoner swap', candidates: ['swap-a', 'swap-b'] }]);
  });

  it.each([
    ['The blockade did not end, the mayor said.'],
    ['They will end. The strike, however, goes on.'],
    ['The strike ended the season early.'],
  ])('linkStatement - should not match words out of order or across a clause: %s', (text) => {
    expect(proposals(text)).toEqual([]);
  });
});

describe('linkStatement (definite descriptions)', () => {
  const story = (...ids: string[]) => ({ storyProposals: ids.map((id) => ({ id, kind: PROPOSALS.find((proposal) => proposal.documentId === id)!.kind ?? null })) });

  it.each([
    ['The talks could resume this week.', 'geneva'],
    ['Those talks ended without a date for the next round.', 'geneva'],
  ])('linkStatement - should resolve "%s" to the one negotiation of the story', (text, expected) => {
    const result = link(text, story('geneva', 'tariffs'));
    expect(result.proposals).toEqual([expected]);
    expect(result.consultedStoryProposals).toBe(true);
  });

  it('linkStatement - should resolve "the exchange", "the sanctions" and "the memorandum" by kind', () => {
    expect(proposals('The exchange could happen this week.', story('swap'))).toEqual(['swap']);
    expect(proposals('The sanctions will stay until the spring.', story('tariffs', 'swap'))).toEqual(['tariffs']);
    expect(proposals('Neither side has signed the memorandum.', story('memo'))).toEqual(['memo']);
  });

  it('linkStatement - should resolve an actor\'s possessive as "the" would: "Washington\'s tariffs", "China\'s talks"', () => {
    const result = link('Washington\u2019s tariffs have cost mills their orders.', story('tariffs'));
    expect(result.proposals).toEqual(['tariffs']);
    expect(result.mentions).toEqual(['us']);
    expect(proposals("China's talks with the envoys resume on Monday.", story('geneva', 'tariffs'))).toEqual(['geneva']);
    // Not after a word that is no actor's ("the country's talks" is a description only through "the"),
    // nor a noun no proposal has ("Washington's position"), nor a possessive of two negotiations.
    expect(proposals("Washington's position has not changed.", story('tariffs'))).toEqual([]);
    expect(proposals("Somebody's talks resume on Monday.", story('geneva'))).toEqual([]);
    expect(link("China's talks resume on Monday.", story('geneva', 'doha')).ambiguousProposals).toHaveLength(1);
  });

  it('linkStatement - should resolve a description to a proposal named earlier in the same text', () => {
    expect(proposals('Envoys opened talks in Geneva; the talks broke up at dawn.', story())).toEqual(['geneva']);
  });

  it('linkStatement - should prefer the antecedent named earlier in the same text to the story\'s other proposals of that kind', () => {
    expect(proposals('The Doha negotiations stalled, and those talks may not resume.', story('geneva', 'doha'))).toEqual(['doha']);
  });

  it('linkStatement - should link neither of two negotiations, and record the description as ambiguous', () => {
    const result = link('The talks ended without agreement.', story('geneva', 'doha'));
    expect(result.proposals).toEqual([]);
    expect(result.ambiguousProposals).toEqual([{ field: 'text', phrase: 'The talks', candidates: ['geneva', 'doha'] }]);
  });

  it.each([['The talks ended without agreement.'], ['The exchange rate fell again.'], ['The exchange of fire lasted an hour.']])(
    'linkStatement - should link nothing for "%s" when the story has no such proposal or it means something else',
    (text) => {
      expect(proposals(text, story('swap'))).toEqual([]);
    }
  );

  it('linkStatement - should not resolve a description to a proposal an editor rejected', () => {
    expect(proposals('The talks could resume.', { ...story('geneva', 'doha'), overrides: { pin: [], reject: [], rejectProposals: ['doha'] } })).toEqual(['geneva']);
  });

  it('linkStatement - should resolve "the strike" or "the tariffs" to the one proposal of the story whose name has that head noun', () => {
    expect(proposals('The strike entered its third day.', story('strike', 'geneva'))).toEqual(['strike']);
    expect(proposals('The tariffs will stay until the spring.', story('tariffs'))).toEqual(['tariffs']);
  });

  it.each([
    ['A strike may follow in the spring.', ['strike']],
    ['The strike ended the season early.', ['geneva']],
    ['The plan was shelved.', ['blockade']],
    ['The strike rate of the side improved.', ['strike']],
  ])('linkStatement - should link no proposal for "%s": indefinite, not in the story, a general head, or another thing', (text, story_) => {
    expect(proposals(text, story(...story_))).toEqual([]);
  });

  it('linkStatement - should link neither of two proposals with the same head, and record both', () => {
    const index = castIndex();
    indexProposal(index, { documentId: 'dock-strike', title: 'Dockworkers strike', kind: 'other' });
    const result = linkStatement({ text: 'The strike goes on.', storyProposals: [{ id: 'strike', kind: 'other' }, { id: 'dock-strike', kind: 'other' }] }, index, facts);
    expect(result.proposals).toEqual([]);
    expect(result.ambiguousProposals).toEqual([{ field: 'text', phrase: 'The strike', candidates: ['strike', 'dock-strike'] }]);
  });

  it('linkStatement - should not consult the story when the text holds no description', () => {
    expect(link('Paris rejected the offer.').consultedStoryProposals).toBe(false);
  });
});

describe('linkStatement (editors still win)', () => {
  it('linkStatement - should not link a rejected country through its capital, seat or initialism', () => {
    const overrides = { pin: [], reject: ['us'], rejectProposals: [] };
    expect(mentions('The White House and the U.S. Treasury said Washington agreed.', { overrides })).toEqual([]);
  });

  it('linkStatement - should keep a pin even when the capital only says where', () => {
    expect(mentions('She met the minister in Paris.', { overrides: { pin: ['fr'], reject: [] } })).toEqual(['fr']);
  });
});

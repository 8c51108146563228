import countries from 'world-countries';
import { countryAliases, type CountryRecord } from '../countries/country-enrichment';
import { organizationAliases } from '../countries/organization-aliases';
import { placeNames } from '../countries/place-names';
import { descriptionWordsOf, groupTypesOf } from './actor-descriptions';
import { indexActor, type LinkableActor } from './linkable';
import { linkStatement, type LinkInput, type LinkResult } from './linker';
import { PhraseIndex } from './phrase-index';

/*
 * Actors named by a description ("the army", "the central bank", "the bloc", "the government"),
 * capitals that speak for an organization ("Brussels"), and anonymous sources ("two EU officials
 * said"), on a cast entered in a hurry: names and kinds only, aliases from the gazetteer and the
 * organization rules. Every sentence is written for these tests.
 */
const COUNTRIES = countries as unknown as CountryRecord[];
const PLACES = placeNames(COUNTRIES);

function country(documentId: string, name: string, cca2: string): LinkableActor {
  const record = COUNTRIES.find((entry) => entry.cca2 === cca2)!;
  return { documentId, name, kind: 'country', country: cca2, aliases: countryAliases(record, name, COUNTRIES) };
}
function body(documentId: string, name: string, kind = 'organization', countryCode: string | null = null, affiliation: string | null = null): LinkableActor {
  return { documentId, name, kind, country: countryCode, affiliation, aliases: organizationAliases(name, COUNTRIES) };
}

const CAST: LinkableActor[] = [
  country('fr', 'France', 'FR'),
  country('ke', 'Kenya', 'KE'),
  country('sa', 'Saudi Arabia', 'SA'),
  country('tr', 'Turkey', 'TR'),
  country('be', 'Belgium', 'BE'),
  body('kdf', 'Kenya Defence Forces', 'institution', 'KE'),
  body('cbk', 'Central Bank of Kenya', 'institution', 'KE'),
  body('imf', 'International Monetary Fund'),
  body('eu', 'European Union'),
  body('ec', 'European Commission', 'institution'),
  body('dockers', 'Mombasa Dockworkers Union', 'organization', 'KE'),
  body('kps', 'National Police Service', 'institution', 'KE'),
  { documentId: 'wanjiru', name: 'Grace Wanjiru', kind: 'person', country: 'KE', affiliation: 'cbk', positions: [{ title: 'Governor of the Central Bank of Kenya', from: '2024-01-01' }] },
  { documentId: 'ochieng', name: 'Peter Ochieng', kind: 'person', country: 'KE', affiliation: 'dockers', positions: [{ title: 'Secretary General', from: '2024-01-01' }] },
];

function castIndex(cast: readonly LinkableActor[]): PhraseIndex {
  const index = new PhraseIndex();
  for (const actor of cast) indexActor(index, actor, PLACES);
  return index;
}
const INDEX = castIndex(CAST);
const factsOf = (cast: readonly LinkableActor[]) => (id: string) => {
  const actor = cast.find((candidate) => candidate.documentId === id);
  return actor && { country: actor.country ?? null, affiliation: actor.affiliation ?? null, kind: actor.kind };
};
const facts = factsOf(CAST);
const link = (text: string, input: Partial<LinkInput> = {}): LinkResult => linkStatement({ text, onDate: '2026-02-10', ...input }, INDEX, facts);
const mentions = (text: string, input: Partial<LinkInput> = {}) => [...link(text, input).mentions].sort();
const speaker = (attribution: string, input: Partial<LinkInput> = {}) => link('', { attribution, ...input }).speaker;

describe('descriptionWordsOf', () => {
  it.each([
    ['Kenya Defence Forces', 'institution', ['army', 'military']],
    ['Bolivian Army', 'institution', ['army', 'military']],
    ['Police Service of Northern Ireland', 'institution', ['police']],
    ['Israel Defense Forces', 'group', ['army', 'military']],
    ['Central Bank of Kenya', 'institution', ['central bank']],
    ['International Monetary Fund', 'organization', ['fund']],
    ['European Union', 'organization', ['bloc']],
    ['Mombasa Dockworkers Union', 'organization', ['union']],
    ['National Union of Journalists', 'organization', ['union']],
    ['Ministry of Health', 'government', ['ministry']],
    ['North Atlantic Treaty Organization', 'organization', ['alliance']],
    ['Kenya', 'country', ['government']],
  ])('descriptionWordsOf - should describe "%s" by its head noun', (name, kind, expected) => {
    expect(descriptionWordsOf({ name, kind })).toEqual(expected);
  });

  it.each([
    ['Grace Wanjiru', 'person'],
    ['Washington Post', 'media'],
    ['Rapid Support Forces', 'group'],
    ['White House Office', 'government'],
    ['Mercosur', 'organization'],
  ])('descriptionWordsOf - should give no description for "%s" (a person, or a head noun copy does not use alone)', (name, kind) => {
    expect(descriptionWordsOf({ name, kind })).toEqual([]);
  });
});

describe('linkStatement (definite descriptions of actors)', () => {
  it.each([
    ['The army has deployed troops to the port, the minister said.', ['kdf']],
    ['Protesters accused the military of firing first.', ['kdf']],
    ['The central bank raised its key rate to 13%.', ['cbk']],
    ['The Fund wants deeper cuts before it signs off.', ['imf']],
    ["The union's members voted to stay out until Monday.", ['dockers']],
    ['The bloc will send observers.', ['eu']],
  ])('linkStatement - should take a description for the one actor of the newsroom it fits: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([
    ['An army of volunteers cleared the roads.'],
    ['The army delegation left before noon.'],
    ['She met the central bank governor on Friday.'],
    ['Investors pulled money out of the fund last week.'],
    ['A union may call a strike with seven days of notice.'],
    ['The union leader spoke to the crowd.'],
    ['Ministers of several armies met in Nairobi.'],
  ])('linkStatement - should take nothing for a description that is indefinite, a modifier or in lower case: %s', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('linkStatement - should not count a description inside a name ("the Central Bank of Kenya" once)', () => {
    expect(mentions('The Central Bank of Kenya held rates.')).toEqual(['cbk']);
  });

  it('linkStatement - should settle "the government" by the dateline when the story names several countries', () => {
    const result = link('The government will not raise fuel taxes again this year.', { dateline: 'NAIROBI', storyActors: ['fr', 'ke', 'sa'] });
    expect(result.mentions).toEqual(['ke']);
    expect(result.consultedStoryActors).toBe(true);
    expect(mentions('The government will not raise fuel taxes.', { dateline: 'RIYADH, Saudi Arabia' })).toEqual(['sa']);
  });

  it('linkStatement - should link no government without a dateline that names one country, and record few candidates only', () => {
    expect(mentions('The government will not raise fuel taxes.', { dateline: 'GENEVA' })).toEqual([]);
    const result = link('The government will not raise fuel taxes.', { storyActors: ['fr', 'ke'] });
    expect(result.mentions).toEqual([]);
    expect(result.ambiguous).toEqual([{ field: 'text', phrase: 'The government', candidates: ['fr', 'ke'] }]);
  });

  describe('with two armies in the newsroom', () => {
    const cast = [...CAST, body('tsk', 'Turkish Armed Forces', 'institution', 'TR')];
    const index = castIndex(cast);
    const twoArmies = (text: string, input: Partial<LinkInput> = {}) => linkStatement({ text, onDate: '2026-02-10', ...input }, index, factsOf(cast));

    it('linkStatement - should take the army already linked in the story', () => {
      expect(twoArmies('The army has sealed the border.', { storyActors: ['tsk', 'fr'] }).mentions).toEqual(['tsk']);
    });

    it('linkStatement - should take the army named earlier in the same text', () => {
      expect([...twoArmies('Kenya Defence Forces units moved north, and the army said more would follow.', { storyActors: ['tsk'] }).mentions].sort()).toEqual(['kdf']);
    });

    it('linkStatement - should take the army of the dateline\'s country when the story does not settle it', () => {
      expect(twoArmies('The army has sealed the border.', { dateline: 'ANKARA' }).mentions).toEqual(['tsk']);
    });

    it('linkStatement - should link neither army when nothing settles it, and record both', () => {
      const result = twoArmies('The army has sealed the border.', { dateline: 'GENEVA' });
      expect(result.mentions).toEqual([]);
      expect(result.ambiguous).toEqual([{ field: 'text', phrase: 'The army', candidates: ['kdf', 'tsk'] }]);
    });
  });

  it("linkStatement - should take the speaker's own organization for a description it fits", () => {
    const cast = [...CAST, body('ecb', 'European Central Bank', 'institution')];
    const index = castIndex(cast);
    const result = linkStatement({ text: 'The central bank will act if prices keep rising.', attribution: 'Grace Wanjiru said' }, index, factsOf(cast));
    expect(result.speaker).toBe('wanjiru');
    expect(result.mentions).toEqual(['cbk']);
  });

  it('linkStatement - should not link a description to an actor an editor rejected, nor to the next one, and keep a pin', () => {
    expect(mentions('The army has sealed the border.', { overrides: { pin: [], reject: ['kdf'] } })).toEqual([]);
    const cast = [...CAST, body('tsk', 'Turkish Armed Forces', 'institution', 'TR')];
    const result = linkStatement({ text: 'The army has sealed the border.', dateline: 'NAIROBI', overrides: { pin: [], reject: ['kdf'] } }, castIndex(cast), factsOf(cast));
    expect(result.mentions).toEqual([]);
    expect(mentions('An army of volunteers cleared the roads.', { overrides: { pin: ['kdf'], reject: [] } })).toEqual(['kdf']);
  });

  it('linkStatement - should not count the speaker\'s own description as a mention', () => {
    expect(link('The central bank will act.', { attribution: 'the central bank said' }).mentions).toEqual([]);
  });
});

describe('linkStatement (descriptions that speak)', () => {
  it.each([
    ['the central bank said in a statement', 'cbk'],
    ['police said', 'kps'],
    ['an army spokesman said', 'kdf'],
    ['a spokeswoman for the Fund said', 'imf'],
    ['a Commission spokeswoman said', 'ec'],
    ['according to the central bank', 'cbk'],
    ['said the army, which denied firing first', 'kdf'],
  ])('linkStatement - should take a description that speaks as the speaker: %s', (attribution, expected) => {
    expect(speaker(attribution)).toBe(expected);
  });

  it('linkStatement - should prefer a name in the attribution to a description', () => {
    expect(speaker('Grace Wanjiru, who heads the central bank, told reporters')).toBe('wanjiru');
  });
});

describe('linkStatement (anonymous sources)', () => {
  it.each([
    ['two EU officials said'],
    ['a Saudi official said'],
    ['Kenyan officials said on Monday'],
    ['an aide to Wanjiru said'],
    ['a senior European Commission official told reporters'],
    ['according to two diplomats briefed on the talks in Brussels'],
    ['a diplomat in Riyadh said'],
    ['people familiar with the central bank\'s plans said'],
  ])('linkStatement - should make nobody the speaker of an anonymous source: %s', (attribution) => {
    expect(speaker(attribution)).toBeNull();
  });

  it.each([
    ['Grace Wanjiru said, citing two officials', 'wanjiru'],
    ['a European Commission spokesman said', 'ec'],
    ['the Saudi foreign ministry said', 'sa'],
    ['Saudi Arabia said, according to the official news agency', 'sa'],
    ['Ochieng, who met officials in Mombasa, said', 'ochieng'],
  ])('linkStatement - should still find a named speaker beside an anonymous source or an adjective "official": %s', (attribution, expected) => {
    expect(speaker(attribution)).toBe(expected);
  });
});

describe('linkStatement (capitals that speak for an organization)', () => {
  it.each([
    ['Brussels rejected the proposal within hours.', ['eu']],
    ["Brussels' offer still stands.", ['eu']],
  ])('linkStatement - should take Brussels acting for the European Union, not Belgium: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each([['Ministers met in Brussels on Tuesday.'], ['She flew from Nairobi to Brussels.'], ['Talks in Paris and Brussels went on.']])(
    'linkStatement - should take nobody for Brussels as a place: %s',
    (text) => {
      expect(mentions(text)).toEqual([]);
    }
  );

  it('linkStatement - should let an editor reject the European Union for Brussels', () => {
    expect(mentions('Brussels rejected the proposal.', { overrides: { pin: [], reject: ['eu'] } })).toEqual([]);
  });
});

describe('linkStatement (irregular plural demonyms and "according to")', () => {
  it.each([
    ['The Saudis have hosted both delegations since May.', ['sa']],
    ['The Turks and the French traded accusations.', ['fr', 'tr']],
  ])('linkStatement - should take a plural demonym for its country: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('linkStatement - should not take "the Saudi" alone or "Turks and Caicos" style words for more than they are', () => {
    expect(mentions('Young Turkmens crossed the border.')).toEqual([]);
  });

  it('linkStatement - should take a seat of power after "according to" as the speaker, not a place', () => {
    const cast = [...CAST, country('us', 'United States', 'US')];
    const index = castIndex(cast);
    expect(linkStatement({ text: '', attribution: 'according to the State Department' }, index, factsOf(cast)).speaker).toBe('us');
    expect(linkStatement({ text: '', attribution: 'an official at the State Department said' }, index, factsOf(cast)).speaker).toBeNull();
  });
});

describe('groupTypesOf (what kind of group an editor\'s description says an actor is)', () => {
  it.each([
    ['Sudanese paramilitary force that grew out of the Darfur militias', ['paramilitary']],
    ['A rebel movement in the north of the country', ['rebel']],
    ['The Kivu Liberation Front is a militia active since 2019.', ['militia']],
    ['U.S.-backed Kurdish militia in north-east Syria', ['militia']],
    ['Separatist guerrillas', ['separatist', 'guerrilla']],
    ['Islamist militants; designated a terrorist group in 2021', ['militant']],
  ])('groupTypesOf - should read the opening noun phrase: "%s"', (description, expected) => {
    expect(groupTypesOf(description)).toEqual(expected);
  });

  it.each([
    ['Regular army of Sudan, at war with the paramilitary RSF since April 2023'],
    ['National army fighting the rebels in the east'],
    ['Founded by former rebels in 2004'],
    ['Government body that negotiates with militia leaders'],
    [''],
    [null],
  ])('groupTypesOf - should not take a group named later in the description: "%s"', (description) => {
    expect(groupTypesOf(description)).toEqual([]);
  });

  it('descriptionWordsOf - should add what copy calls a group to its name\'s descriptions, for no person or country', () => {
    expect(descriptionWordsOf({ name: 'Rapid Support Forces', kind: 'group', description: 'Sudanese paramilitary force' })).toEqual(['paramilitaries', 'paramilitary force', 'paramilitary group']);
    expect(descriptionWordsOf({ name: 'Northern Liberation Army', kind: 'group', description: 'Rebel army' })).toEqual(['army', 'military', 'rebels', 'rebel group', 'rebel movement']);
    expect(descriptionWordsOf({ name: 'Amina Dallo', kind: 'person', description: 'Rebel commander' })).toEqual([]);
    expect(descriptionWordsOf({ name: 'Sudan', kind: 'country', description: 'Rebel-held in part' })).toEqual(['government']);
  });
});

describe('linkStatement (a group by what its description says it is)', () => {
  const cast: LinkableActor[] = [
    ...CAST,
    { documentId: 'sd', name: 'Sudan', kind: 'country', country: 'SD', aliases: countryAliases(COUNTRIES.find((entry) => entry.cca2 === 'SD')!, 'Sudan', COUNTRIES) },
    { ...body('saf', 'Sudanese Armed Forces', 'institution', 'SD'), description: 'Regular army of Sudan, at war with the paramilitary RSF' },
    { ...body('rsf', 'Rapid Support Forces', 'group', 'SD'), description: 'Sudanese paramilitary force that grew out of the Darfur militias' },
    { ...body('mfl', 'Mara Freedom League', 'group', 'KE'), description: 'A rebel movement in western Kenya' },
    { ...body('tfl', 'Tana Front', 'group', 'KE'), description: 'Rebel group on the Tana river' },
  ];
  const index = castIndex(cast);
  const groups = (text: string, input: Partial<LinkInput> = {}) => linkStatement({ text, onDate: '2026-02-10', ...input }, index, factsOf(cast));

  it.each([
    ['The paramilitaries still hold the airport.'],
    ['The Emiratis deny arming the paramilitary force.'],
    ["The paramilitaries' advance stalled at the river."],
  ])('linkStatement - should take the group the story names for its description: %s', (text) => {
    expect(groups(text, { storyActors: ['rsf', 'saf'] }).mentions).toEqual(['rsf']);
  });

  it('linkStatement - should settle a group description by the dateline, the speaker\'s side or a name earlier in the text', () => {
    expect(groups('The paramilitaries still hold the airport.', { dateline: 'PORT SUDAN' }).mentions).toEqual(['rsf']);
    expect([...groups('Rapid Support Forces units moved north, and the paramilitaries say more will follow.').mentions].sort()).toEqual(['rsf']);
  });

  it('linkStatement - should take no group for a description the story gives nothing to settle, however few groups the newsroom has', () => {
    const result = groups('The paramilitaries still hold the airport.', { dateline: 'GENEVA', storyActors: ['fr'] });
    expect(result.mentions).toEqual([]);
    expect(result.ambiguous).toEqual([]);
    expect(result.consultedStoryActors).toBe(true);
  });

  it('linkStatement - should not take the army for "the paramilitaries" though its description names them, nor a group for a modifier', () => {
    expect(groups('The army pushed the paramilitaries back.', { storyActors: ['saf'] }).mentions).toEqual(['saf']);
    expect(groups('A paramilitary force of local men guards the road.', { storyActors: ['rsf'] }).mentions).toEqual([]);
  });

  it('linkStatement - should record two rebel groups of the story as candidates, and take the one the story settles', () => {
    expect(groups('The rebels rejected the offer.', { storyActors: ['mfl', 'tfl'] }).ambiguous).toEqual([{ field: 'text', phrase: 'The rebels', candidates: ['mfl', 'tfl'] }]);
    expect(groups('The rebels rejected the offer.', { storyActors: ['tfl', 'fr'] }).mentions).toEqual(['tfl']);
  });
});

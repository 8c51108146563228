import { ACTOR_UID, EVIDENCE_COMPONENT, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../../constants';
import { describePath, isCalendarDate, isHttpUrl, validateDocumentData, type FieldViolation } from './field-validation';
import type { DocumentData, ModelSpec } from '../model-spec';

import { lookup, modelOf as model } from '../test-support.fixture';
const story = model(STORY_UID);
const statement = model(STATEMENT_UID);
const actor = model(ACTOR_UID);
const proposal = model(PROPOSAL_UID);

const CREATE = { partial: false };
const UPDATE = { partial: true };

const VALID_STORY: DocumentData = {
  title: 'Ceasefire talks resume in Istanbul',
  storyDate: '2025-05-19T14:30:00Z',
  standfirst: 'Delegations met for the first time since 2022.',
  language: 'uk-UA',
  sourceUrl: 'https://example.org/news/ceasefire?id=1&lang=en#top',
  body: '# Talks\n\nThey met.',
  dateline: 'ISTANBUL',
  statements: ['s1'],
};
const VALID_STATEMENT: DocumentData = {
  text: 'We are ready for a 30-day truce.',
  kind: 'direct_quote',
  verification: 'false',
  saidAt: '2025-05-19T10:00:00+03:00',
  sourceUrl: 'http://example.org/statement',
  evidence: [{ url: 'https://example.org/evidence', title: 'Transcript', note: 'p. 3' }],
  checkWorthiness: 0.75,
  linkOverrides: { pin: ['actor-a'], reject: ['actor-b'] },
  speaker: 'actor-a',
};
const VALID_ACTOR: DocumentData = {
  name: 'Volodymyr Zelenskyy',
  kind: 'person',
  country: 'UA',
  wikidataId: 'Q3881',
  aliases: [{ name: 'Зеленський', language: 'uk' }, { name: 'Zelensky' }],
  positions: [{ title: 'President of Ukraine', from: '2019-05-20', organization: 'actor-ukraine' }],
};
const VALID_PROPOSAL: DocumentData = { title: '30-day truce', kind: 'ceasefire', status: 'proposed', proposedOn: '2025-03-11' };

/** Runs one field of a valid document through validation (as an update, so that only it is checked). */
function violationsFor(target: ModelSpec, data: DocumentData): FieldViolation[] {
  return validateDocumentData(data, target, lookup, UPDATE);
}
const paths = (violations: FieldViolation[]) => violations.map((violation) => violation.path);

describe('validateDocumentData', () => {
  it.each([
    ['story', story, VALID_STORY],
    ['statement', statement, VALID_STATEMENT],
    ['actor', actor, VALID_ACTOR],
    ['proposal', proposal, VALID_PROPOSAL],
  ])('validateDocumentData - should report nothing for a valid %s on create', (_name, target, data) => {
    expect(validateDocumentData(data, target, lookup, CREATE)).toEqual([]);
  });

  it('validateDocumentData - should report nothing for an empty partial update', () => {
    expect(validateDocumentData({}, story, lookup, UPDATE)).toEqual([]);
  });

  describe('http-url', () => {
    it.each([
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'ftp://example.org/file.txt',
      'mailto:desk@example.org',
      'data:text/html,x',
      '/relative/path',
      'example.org/news',
      '//example.org/news',
      'http://',
      'https://',
      'https://exa mple.org',
      ' https://example.org',
    ])('validateDocumentData - should reject the source URL %j', (url) => {
      const violations = violationsFor(statement, { sourceUrl: url });
      expect(violations).toEqual([{ path: ['sourceUrl'], message: expect.stringContaining('sourceUrl') }]);
      expect(violations[0]!.message).toMatch(/http or https URL/);
    });

    it.each(['https://example.org', 'http://example.org/a?b=c&d=e#f', 'HTTPS://EXAMPLE.ORG/PATH', 'http://localhost:1337/api', 'https://[::1]/x'])(
      'validateDocumentData - should accept the source URL %j',
      (url) => {
        expect(violationsFor(statement, { sourceUrl: url })).toEqual([]);
      }
    );

    it('validateDocumentData - should reject a URL longer than the 2048 characters allowed', () => {
      const url = `https://example.org/${'a'.repeat(2048)}`;
      expect(paths(violationsFor(story, { sourceUrl: url }))).toEqual([['sourceUrl']]);
    });
  });

  describe('wikidata-id', () => {
    it.each(['Q0', 'Q042', 'q42', 'P31', '42', 'Q42x', 'Q 42', 'Q-1'])('validateDocumentData - should reject the Wikidata id %j', (id) => {
      const violations = violationsFor(actor, { wikidataId: id });
      expect(violations).toEqual([{ path: ['wikidataId'], message: expect.stringMatching(/^wikidataId must be a Wikidata item id/) }]);
    });

    it.each(['Q1', 'Q42', 'Q3881', 'Q123456789'])('validateDocumentData - should accept the Wikidata id %j', (id) => {
      expect(violationsFor(actor, { wikidataId: id })).toEqual([]);
    });
  });

  describe('iso-country', () => {
    it.each(['ua', 'Ua', 'U1', 'U', '12', 'ÜA'])('validateDocumentData - should reject the country code %j', (code) => {
      const violations = violationsFor(actor, { country: code });
      expect(violations).toEqual([{ path: ['country'], message: expect.stringMatching(/^country must be an ISO 3166-1 alpha-2/) }]);
    });

    it('validateDocumentData - should reject a three-letter country code by its length', () => {
      expect(violationsFor(actor, { country: 'UKR' })).toEqual([{ path: ['country'], message: 'country must be at most 2 characters (got 3)' }]);
    });

    it.each(['UA', 'RU', 'US', 'FR'])('validateDocumentData - should accept the country code %j', (code) => {
      expect(violationsFor(actor, { country: code })).toEqual([]);
    });
  });

  describe('bcp47', () => {
    it.each(['english', 'en_US', 'e', 'en-', '-en', 'en--US', 'en-a', 'en-toolongsubtag', '12', 'en US'])(
      'validateDocumentData - should reject the language tag %j',
      (tag) => {
        const violations = violationsFor(story, { language: tag });
        expect(violations).toEqual([{ path: ['language'], message: expect.stringMatching(/^language must be a BCP 47 language tag/) }]);
      }
    );

    it.each(['en', 'uk', 'uk-UA', 'zh-Hant-TW', 'sr-Latn', 'es-419', 'de-CH-1996'])('validateDocumentData - should accept the language tag %j', (tag) => {
      expect(violationsFor(story, { language: tag })).toEqual([]);
    });

    it('validateDocumentData - should check the language of an alias inside the aliases component', () => {
      const violations = violationsFor(actor, { aliases: [{ name: 'Zelensky', language: 'en' }, { name: 'Selenskyj', language: 'german' }] });
      expect(violations).toEqual([{ path: ['aliases', '1', 'language'], message: expect.stringMatching(/^aliases\[1\]\.language must be a BCP 47/) }]);
    });
  });

  describe('enumerations', () => {
    it.each([
      ['actor', 'kind', 'alien', actor],
      ['actor', 'kind', 'Person', actor],
      ['statement', 'verification', 'False', statement],
      ['statement', 'verification', false, statement],
      ['statement', 'kind', 42, statement],
      ['proposal', 'status', 'done', proposal],
      ['proposal', 'status', 'PROPOSED', proposal],
    ])('validateDocumentData - should reject %s.%s = %p (not in the enum)', (_name, field, value, target) => {
      const violations = violationsFor(target, { [field]: value });
      expect(paths(violations)).toEqual([[field]]);
    });

    it('validateDocumentData - should list the allowed values in an enum violation', () => {
      expect(violationsFor(actor, { kind: 'alien' })).toEqual([
        { path: ['kind'], message: 'kind must be one of person, organization, government, country, institution, group, media' },
      ]);
    });

    it.each(['unverified', 'accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable', 'not_a_claim'])(
      'validateDocumentData - should accept the verification %j',
      (verdict) => {
        expect(violationsFor(statement, { verification: verdict })).toEqual([]);
      }
    );
  });

  describe('dates', () => {
    it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', 'yesterday', '11/03/2025', '2025-03-11Tnoon', 20250311, true])(
      'validateDocumentData - should reject the date %j',
      (date) => {
        expect(violationsFor(proposal, { proposedOn: date })).toEqual([{ path: ['proposedOn'], message: 'proposedOn must be a date in the form YYYY-MM-DD' }]);
      }
    );

    it.each(['2025-03-11', '2024-02-29', '2000-02-29', '2025-12-31', '2025-03-11T00:00:00.000Z'])('validateDocumentData - should accept the date %j', (date) => {
      expect(violationsFor(proposal, { proposedOn: date })).toEqual([]);
    });
  });

  describe('datetimes', () => {
    it.each(['yesterday', '2025-02-30T10:00:00Z', '2025-05-19T25:00:00Z', '2025-05-19T14:61:00Z', '19/05/2025 14:30', '2025-05-19T14:30:00 Z', 'NaN', true, NaN, Infinity, new Date('not a date'), {}])(
      'validateDocumentData - should reject the datetime %p',
      (datetime) => {
        const violations = violationsFor(story, { storyDate: datetime });
        expect(violations).toEqual([{ path: ['storyDate'], message: expect.stringMatching(/^storyDate must be an ISO 8601 date and time/) }]);
      }
    );

    it.each(['2025-05-19T14:30:00Z', '2025-05-19T14:30:00.123+02:00', '2025-05-19T14:30', '2025-05-19 14:30:00', '2025-05-19', 1747665000000, new Date('2025-05-19T14:30:00Z')])(
      'validateDocumentData - should accept the datetime %p',
      (datetime) => {
        expect(violationsFor(story, { storyDate: datetime })).toEqual([]);
      }
    );
  });

  describe('text', () => {
    it('validateDocumentData - should reject a title over its maxLength and name the limit', () => {
      expect(violationsFor(story, { title: 'x'.repeat(301) })).toEqual([{ path: ['title'], message: 'title must be at most 300 characters (got 301)' }]);
    });

    it('validateDocumentData - should accept a title of exactly its maxLength', () => {
      expect(violationsFor(story, { title: 'x'.repeat(300) })).toEqual([]);
    });

    it('validateDocumentData - should reject a statement text over 5000 characters', () => {
      expect(paths(violationsFor(statement, { text: 'x'.repeat(5001) }))).toEqual([['text']]);
    });

    it.each([42, true, ['a'], { text: 'a' }])('validateDocumentData - should reject the non-text title %p', (title) => {
      expect(violationsFor(story, { title })).toEqual([{ path: ['title'], message: 'title must be text' }]);
    });
  });

  describe('required fields', () => {
    it('validateDocumentData - should require title and storyDate when a story is created without them', () => {
      const violations = validateDocumentData({ standfirst: 'x' }, story, lookup, CREATE);
      expect(violations).toEqual([
        { path: ['title'], message: 'title is required' },
        { path: ['storyDate'], message: 'storyDate is required' },
      ]);
    });

    it('validateDocumentData - should not require a missing required field that has a default on create', () => {
      expect(validateDocumentData({ name: 'NATO' }, actor, lookup, CREATE)).toEqual([]);
      expect(validateDocumentData({ text: 'We will win.' }, statement, lookup, CREATE)).toEqual([]);
    });

    it('validateDocumentData - should not require missing fields on a partial update', () => {
      expect(validateDocumentData({ standfirst: 'New standfirst' }, story, lookup, UPDATE)).toEqual([]);
    });

    it.each(['', '   ', null])('validateDocumentData - should reject clearing a required title with %p on update', (value) => {
      expect(validateDocumentData({ title: value }, story, lookup, UPDATE)).toEqual([{ path: ['title'], message: 'title is required' }]);
    });

    it('validateDocumentData - should reject clearing a required field even when it has a default', () => {
      expect(validateDocumentData({ kind: null }, actor, lookup, UPDATE)).toEqual([{ path: ['kind'], message: 'kind is required' }]);
      expect(validateDocumentData({ name: 'NATO', kind: '' }, actor, lookup, CREATE)).toEqual([{ path: ['kind'], message: 'kind is required' }]);
    });

    it('validateDocumentData - should allow clearing an optional field', () => {
      expect(validateDocumentData({ standfirst: null, sourceUrl: '', language: null }, story, lookup, UPDATE)).toEqual([]);
    });
  });

  describe('decimals', () => {
    it.each([1.5, -0.1, '2', '-1', 1.0000001])('validateDocumentData - should reject checkWorthiness %p outside 0..1', (value) => {
      const violations = violationsFor(statement, { checkWorthiness: value });
      expect(paths(violations)).toEqual([['checkWorthiness']]);
      expect(violations[0]!.message).toMatch(/^checkWorthiness must be at (least 0|most 1)$/);
    });

    it.each(['high', NaN, Infinity, true, '1e400', [0.5]])('validateDocumentData - should reject the non-number checkWorthiness %p', (value) => {
      expect(violationsFor(statement, { checkWorthiness: value })).toEqual([{ path: ['checkWorthiness'], message: 'checkWorthiness must be a number' }]);
    });

    it.each([0, 1, 0.5, '0.75', '1'])('validateDocumentData - should accept checkWorthiness %p', (value) => {
      expect(violationsFor(statement, { checkWorthiness: value })).toEqual([]);
    });
  });

  describe('link overrides', () => {
    it.each([
      [{ pin: [], reject: [] }],
      [{ pin: ['actor-a'] }],
      [{ reject: ['actor-a', 'actor-b'] }],
      [{}],
      [{ pin: Array.from({ length: 500 }, (_, index) => `actor-${index}`) }],
    ])('validateDocumentData - should accept the link overrides %j', (overrides) => {
      expect(violationsFor(statement, { linkOverrides: overrides })).toEqual([]);
    });

    it('validateDocumentData - should accept proposal rejections', () => {
      expect(violationsFor(statement, { linkOverrides: { pin: [], reject: [], rejectProposals: ['proposal-a'] } })).toEqual([]);
    });

    it('validateDocumentData - should accept null link overrides', () => {
      expect(violationsFor(statement, { linkOverrides: null })).toEqual([]);
    });

    it.each([
      [['actor-a'], 'linkOverrides must be an object with "pin" and "reject" lists of actor documentIds'],
      ['{"pin":["a"]}', 'linkOverrides must be an object with "pin" and "reject" lists of actor documentIds'],
      [42, 'linkOverrides must be an object with "pin" and "reject" lists of actor documentIds'],
      [{ pin: 'actor-a' }, 'linkOverrides.pin must be a list of actor documentIds'],
      [{ pin: [1] }, 'linkOverrides.pin must be a list of actor documentIds'],
      [{ pin: [''] }, 'linkOverrides.pin must be a list of actor documentIds'],
      [{ reject: ['  '] }, 'linkOverrides.reject must be a list of actor documentIds'],
      [{ reject: [null] }, 'linkOverrides.reject must be a list of actor documentIds'],
      [{ pin: [], block: ['actor-a'] }, 'linkOverrides has unknown key(s) block: only "pin", "reject" and "rejectProposals" are allowed'],
      [{ rejectProposals: 'truce' }, 'linkOverrides.rejectProposals must be a list of proposal documentIds'],
      [{ rejectProposals: Array.from({ length: 501 }, (_, index) => `proposal-${index}`) }, 'linkOverrides.rejectProposals may hold at most 500 proposals'],
      [{ pin: Array.from({ length: 501 }, (_, index) => `actor-${index}`) }, 'linkOverrides.pin may hold at most 500 actors'],
      [{ pin: ['actor-a', 'actor-b', 'actor-c'], reject: ['actor-c', 'actor-b'] }, 'linkOverrides cannot both pin and reject actor-b, actor-c'],
    ])('validateDocumentData - should reject the link overrides %j', (overrides, message) => {
      expect(violationsFor(statement, { linkOverrides: overrides })).toEqual([{ path: ['linkOverrides'], message }]);
    });
  });

  describe('components', () => {
    it('validateDocumentData - should name the component item and field of a bad evidence URL', () => {
      const violations = violationsFor(statement, { evidence: [{ url: 'javascript:alert(1)' }] });
      expect(violations).toEqual([{ path: ['evidence', '0', 'url'], message: 'evidence[0].url must be an http or https URL' }]);
    });

    it('validateDocumentData - should require the url of every evidence item, even on a partial update', () => {
      const violations = violationsFor(statement, { evidence: [{ url: 'https://example.org' }, { title: 'No URL' }] });
      expect(violations).toEqual([{ path: ['evidence', '1', 'url'], message: 'evidence[1].url is required' }]);
    });

    it('validateDocumentData - should check lengths inside component items', () => {
      expect(paths(violationsFor(statement, { evidence: [{ url: 'https://example.org', title: 'x'.repeat(301) }] }))).toEqual([['evidence', '0', 'title']]);
    });

    it('validateDocumentData - should reject a position that ends before it starts, at its "to" field', () => {
      const violations = violationsFor(actor, { positions: [{ title: 'Ok', from: '2019-01-01' }, { title: 'President', from: '2019-05-20', to: '2019-01-01' }] });
      expect(violations).toEqual([{ path: ['positions', '1', 'to'], message: 'positions[1].to must not be before positions[1].from' }]);
    });

    it('validateDocumentData - should report to < from at ["positions","0","to"]', () => {
      const violations = violationsFor(actor, { positions: [{ title: 'President', from: '2024-05-20', to: '2019-05-20' }] });
      expect(paths(violations)).toEqual([['positions', '0', 'to']]);
    });

    it.each([
      [{ title: 'P', from: '2019-05-20', to: '2019-05-20' }],
      [{ title: 'P', from: '2019-05-20', to: '2024-05-20' }],
      [{ title: 'P', to: '2024-05-20' }],
      [{ title: 'P', from: '2019-05-20' }],
    ])('validateDocumentData - should accept the position dates %j', (position) => {
      expect(violationsFor(actor, { positions: [position] })).toEqual([]);
    });

    it('validateDocumentData - should report an invalid date but not compare it with the other one', () => {
      const violations = violationsFor(actor, { positions: [{ title: 'P', from: '2019-05-20', to: '2019-02-30' }] });
      expect(violations).toEqual([{ path: ['positions', '0', 'to'], message: 'positions[0].to must be a date in the form YYYY-MM-DD' }]);
    });

    it('validateDocumentData - should reject a repeatable component that is not a list', () => {
      expect(violationsFor(actor, { aliases: { name: 'Zelensky' } })).toEqual([{ path: ['aliases'], message: 'aliases must be a list' }]);
    });

    it.each(['Zelensky', null, ['x']])('validateDocumentData - should reject the component item %p that is not an object', (item) => {
      expect(violationsFor(actor, { aliases: [item] })).toEqual([{ path: ['aliases', '0'], message: 'aliases[0] must be an object' }]);
    });

    it('validateDocumentData - should leave relations, including the one inside a position, to Strapi', () => {
      expect(violationsFor(actor, { affiliation: { connect: ['x'] }, stories: 42, positions: [{ title: 'P', organization: 'not-an-id' }] })).toEqual([]);
    });
  });

  it('validateDocumentData - should report every violation of a payload at once', () => {
    const violations = validateDocumentData(
      { title: '', storyDate: 'soon', language: 'english', sourceUrl: 'ftp://x', standfirst: 'x'.repeat(601) },
      story,
      lookup,
      CREATE
    );
    expect(paths(violations)).toEqual([['title'], ['standfirst'], ['storyDate'], ['language'], ['sourceUrl']]);
  });

  it('validateDocumentData - should ignore fields the model does not have', () => {
    expect(validateDocumentData({ ...VALID_PROPOSAL, documentId: 42, publishedAt: 'whenever', locale: null }, proposal, lookup, CREATE)).toEqual([]);
  });

  it('validateDocumentData - should prefix every path with the given base path', () => {
    const violations = validateDocumentData({ url: 'ftp://x' }, model(EVIDENCE_COMPONENT), lookup, CREATE, ['evidence', '3']);
    expect(violations).toEqual([{ path: ['evidence', '3', 'url'], message: 'evidence[3].url must be an http or https URL' }]);
  });
});

describe('describePath', () => {
  it.each([
    [['title'], 'title'],
    [['evidence', '0', 'url'], 'evidence[0].url'],
    [['positions', '12', 'to'], 'positions[12].to'],
    [['a', 'b', 'c'], 'a.b.c'],
    [['0'], '[0]'],
    [[], ''],
  ])('describePath - should render %j as %j', (path, text) => {
    expect(describePath(path)).toBe(text);
  });
});

describe('isHttpUrl', () => {
  it.each(['https://example.org', 'http://example.org:8080/a?b#c', 'HTTP://EXAMPLE.ORG'])('isHttpUrl - should accept %j', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org', 'file:///etc/passwd', '/relative', 'example.org', 'http://', 'https:// example.org', 'https://example.org\n', ''])(
    'isHttpUrl - should reject %j',
    (url) => {
      expect(isHttpUrl(url)).toBe(false);
    }
  );
});

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2026-02-28', '1999-12-31', '2026-02-28T10:00:00Z'])('isCalendarDate - should accept %j', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', 'yesterday', '2026-02-28Tgarbage', ' 2026-02-28', '20260228'])(
    'isCalendarDate - should reject %j',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    }
  );
});

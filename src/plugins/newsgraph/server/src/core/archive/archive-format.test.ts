import { checkNinjsItem, ninjsItemOf, parseArchiveLine, storyFieldsOf, type StoryLine } from './archive-format';

const storyLine = (overrides: Partial<StoryLine['item']> = {}): StoryLine => ({
  type: 'story',
  item: { uri: 'https://wire.example/2026/ceasefire-talks', headlines: [{ role: 'main', value: 'Ceasefire talks resume' }], bodies: [{ value: 'Talks resumed.' }], by: 'A. Reporter', located: 'GENEVA', ...overrides },
  newsgraph: { slug: 'ceasefire-talks', storyDate: '2026-03-01T00:00:00.000Z', statements: [{ text: 'The port will reopen', attribution: 'the minister said' }] },
});

describe('parseArchiveLine', () => {
  test('A valid story line - should parse', () => {
    expect(parseArchiveLine(JSON.stringify(storyLine()))).toMatchObject({ ok: true, line: { type: 'story' } });
  });

  test('Lines that are not archive lines - should say why', () => {
    expect(parseArchiveLine('{oops')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(parseArchiveLine('[1]')).toMatchObject({ ok: false, error: 'not a JSON object' });
    expect(parseArchiveLine('{"type":"thing"}')).toMatchObject({ ok: false, error: expect.stringContaining('"type"') });
    expect(parseArchiveLine('{"type":"actor","name":"X"}')).toMatchObject({ ok: false, error: expect.stringContaining('slug') });
    expect(parseArchiveLine('{"type":"actor","slug":"Ilse_Halvik","name":"X"}')).toMatchObject({ ok: false, error: expect.stringContaining('/slug') });
    expect(parseArchiveLine('{"type":"actor","slug":"ilse--halvik","name":"X"}')).toMatchObject({ ok: false, error: expect.stringContaining('"ilse-halvik"') });
  });

  test('A ninjs item with a property outside ninjs 2.0 - should be refused, as ninjs 2.0 closes its top level', () => {
    const line = storyLine();
    (line.item as unknown as Record<string, unknown>).newsgraph = {};
    expect(parseArchiveLine(JSON.stringify(line))).toMatchObject({ ok: false, error: expect.stringContaining('newsgraph') });
  });

  test('A ninjs item with a wrong format - should be refused with its path', () => {
    expect(parseArchiveLine(JSON.stringify(storyLine({ versioncreated: 'yesterday' })))).toMatchObject({ ok: false, error: expect.stringContaining('/item/versioncreated') });
    expect(parseArchiveLine(JSON.stringify(storyLine({ pubstatus: 'maybe' as never })))).toMatchObject({ ok: false, error: expect.stringContaining('/item/pubstatus') });
    expect(parseArchiveLine(JSON.stringify(storyLine({ uri: 'not a uri' })))).toMatchObject({ ok: false, error: expect.stringContaining('/item/uri') });
  });

  test('A story without a headline or a date - should be refused', () => {
    expect(parseArchiveLine(JSON.stringify(storyLine({ headlines: [] })))).toMatchObject({ ok: false, error: expect.stringContaining('headline') });
    const undated = storyLine();
    delete undated.newsgraph.storyDate;
    expect(parseArchiveLine(JSON.stringify(undated))).toMatchObject({ ok: false, error: expect.stringContaining('storyDate') });
  });
});

describe('ninjs mapping', () => {
  test('A ninjs item - should map to story fields, and back to an item that maps to the same fields', () => {
    const fields = storyFieldsOf(storyLine({ descriptions: [{ role: 'summary', value: 'Short.' }], pubstatus: 'withheld', copyrightholder: 'Wire' }));
    expect(fields).toEqual({
      slug: 'ceasefire-talks', title: 'Ceasefire talks resume', standfirst: 'Short.', body: 'Talks resumed.', storyDate: '2026-03-01T00:00:00.000Z',
      dateline: 'GENEVA', byline: 'A. Reporter', outlet: 'Wire', section: null, language: 'en', sourceUrl: null, published: false,
    });
    const item = ninjsItemOf(fields, { createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(checkNinjsItem(item)).toBeNull();
    expect(item.uri).toBe('urn:newsgraph:story:ceasefire-talks');
    expect(storyFieldsOf({ type: 'story', item, newsgraph: { slug: fields.slug } })).toEqual(fields);
  });

  test('The main headline - should be preferred to the first', () => {
    expect(storyFieldsOf(storyLine({ headlines: [{ role: 'short', value: 'Talks' }, { role: 'main', value: 'Talks resume' }] })).title).toBe('Talks resume');
  });
});

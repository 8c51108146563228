import { actorTimeline, statementDate } from './actor-timeline';
import { positionOn } from './actor-positions';
import { proposalParties } from './proposal-parties';
import { buildStoryGraph, STATEMENT_LABEL_LENGTH } from './story-graph';

const mara = { documentId: 'mara', name: 'Mara Ilic' };
const tomas = { documentId: 'tomas', name: 'Tomas Brand' };
const union = { documentId: 'union', name: 'Northern Union' };
const truce = { documentId: 'truce', title: 'A 30-day truce' };

describe('buildStoryGraph', () => {
  const statements = [
    { documentId: 's1', text: 'We accept a truce of thirty days', speaker: mara, mentions: [union], proposals: [truce] },
    { documentId: 's2', text: 'The Union will not wait', speaker: tomas, mentions: [union, mara], proposals: [] },
  ];
  const proposals = [{ ...truce, proposedBy: [mara], supporters: [union], opponents: [tomas] }];

  it('makes one node per document and typed edges between them', () => {
    const graph = buildStoryGraph(statements, proposals);
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(['actor:mara', 'actor:tomas', 'actor:union', 'proposal:truce', 'statement:s1', 'statement:s2']);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: 'actor:mara', target: 'statement:s1', type: 'said' },
        { source: 'statement:s1', target: 'actor:union', type: 'mentions' },
        { source: 'statement:s1', target: 'proposal:truce', type: 'mentions' },
        { source: 'statement:s2', target: 'actor:mara', type: 'mentions' },
        { source: 'actor:mara', target: 'proposal:truce', type: 'proposed' },
        { source: 'actor:union', target: 'proposal:truce', type: 'supports' },
        { source: 'actor:tomas', target: 'proposal:truce', type: 'opposes' },
      ])
    );
    expect(graph.edges).toHaveLength(9);
    expect(graph.nodes.find((node) => node.id === 'actor:mara')).toEqual({ id: 'actor:mara', type: 'actor', documentId: 'mara', label: 'Mara Ilic' });
  });

  it('never repeats an edge that two paths lead to', () => {
    const graph = buildStoryGraph([...statements, statements[0]!], [...proposals, ...proposals]);
    expect(new Set(graph.edges.map((edge) => `${edge.source}${edge.type}${edge.target}`)).size).toBe(graph.edges.length);
    expect(graph.edges).toHaveLength(9);
  });

  it('leaves out actors a reader may not see, with their edges', () => {
    const graph = buildStoryGraph(statements, proposals, new Set(['mara', 'union']));
    expect(graph.nodes.some((node) => node.documentId === 'tomas')).toBe(false);
    expect(graph.edges.some((edge) => edge.source === 'actor:tomas' || edge.target === 'actor:tomas')).toBe(false);
    expect(graph.nodes.some((node) => node.id === 'statement:s2')).toBe(true);
  });

  it('cuts long statements in labels, on one line', () => {
    const graph = buildStoryGraph([{ documentId: 'long', text: `${'word '.repeat(40)}\nend` }], []);
    expect(graph.nodes[0]!.label.length).toBe(STATEMENT_LABEL_LENGTH);
    expect(graph.nodes[0]!.label).not.toContain('\n');
    expect(graph.nodes[0]!.label.endsWith('…')).toBe(true);
  });
});

describe('proposalParties', () => {
  it('gives each actor its stance and the statements it made on the proposal', () => {
    const said = [
      { documentId: 's1', speaker: { documentId: 'mara' } },
      { documentId: 's2', speaker: { documentId: 'tomas' } },
      { documentId: 's3', speaker: { documentId: 'mara' } },
      { documentId: 's4', speaker: null },
    ];
    const parties = proposalParties({ proposedBy: [mara], supporters: [union], opponents: [tomas, tomas] }, said);
    expect(parties.map((party) => [party.actor.documentId, party.stance, party.statements.map((statement) => statement.documentId)])).toEqual([
      ['mara', 'proposed', ['s1', 's3']],
      ['union', 'supports', []],
      ['tomas', 'opposes', ['s2']],
    ]);
  });

  it('keeps an actor with two stances as two parties', () => {
    expect(proposalParties({ proposedBy: [mara], opponents: [mara] }, []).map((party) => party.stance)).toEqual(['proposed', 'opposes']);
  });
});

describe('actorTimeline', () => {
  const story = (storyDate: string) => ({ storyDate });
  const statements = [
    { documentId: 'late', saidAt: '2026-03-12T09:00:00.000Z', speaker: { documentId: 'mara' }, mentions: [] },
    { documentId: 'early', saidAt: null, story: story('2026-03-01T00:00:00.000Z'), speaker: { documentId: 'tomas' }, mentions: [{ documentId: 'mara' }] },
    { documentId: 'other', saidAt: '2026-03-05T00:00:00.000Z', speaker: { documentId: 'tomas' }, mentions: [] },
    { documentId: 'undated', speaker: { documentId: 'mara' }, mentions: [] },
  ];

  it('lists what the actor said and where it was mentioned, oldest first, undated last', () => {
    expect(actorTimeline('mara', statements).map((entry) => [entry.statement.documentId, entry.role, entry.date])).toEqual([
      ['early', 'mentioned', '2026-03-01T00:00:00.000Z'],
      ['late', 'said', '2026-03-12T09:00:00.000Z'],
      ['undated', 'said', null],
    ]);
  });

  it('keeps only entries inside the range, both ends included', () => {
    expect(actorTimeline('mara', statements, { from: '2026-03-02', to: '2026-03-12T09:00:00Z' }).map((entry) => entry.statement.documentId)).toEqual(['late']);
    expect(actorTimeline('mara', statements, { to: '2026-03-01T00:00:00Z' }).map((entry) => entry.statement.documentId)).toEqual(['early']);
  });

  it('dates a statement by when it was said, else by its story', () => {
    expect(statementDate(statements[1]!)).toBe('2026-03-01T00:00:00.000Z');
    expect(statementDate(statements[0]!)).toBe('2026-03-12T09:00:00.000Z');
  });
});

describe('positionOn', () => {
  const positions = [
    { title: 'Foreign minister', from: '2019-01-01', to: '2024-05-31' },
    { title: 'President', from: '2024-06-01', to: null },
    { title: 'Acting president', from: '2024-05-20', to: '2024-06-01' },
  ];

  it('finds the position held on a date, ends included', () => {
    expect(positionOn(positions, '2020-07-01')?.title).toBe('Foreign minister');
    expect(positionOn(positions, '2026-03-10T12:00:00Z')?.title).toBe('President');
    expect(positionOn(positions, '2024-05-31')?.title).toBe('Acting president');
  });

  it('prefers the term that began last when terms overlap', () => {
    expect(positionOn(positions, '2024-06-01')?.title).toBe('President');
  });

  it('answers null before any term, and for an actor with none', () => {
    expect(positionOn(positions, '2018-12-31')).toBeNull();
    expect(positionOn(null, '2020-01-01')).toBeNull();
  });
});

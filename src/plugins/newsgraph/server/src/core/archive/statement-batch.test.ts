import { readFlagsConfig } from '../flags/flag-config';
import { indexActor, indexProposal, type LinkableActor } from '../linking/linkable';
import { PhraseIndex } from '../linking/phrase-index';
import { evaluateBatchFlags, flagSubjectOf, linkStoryStatements, type BatchStatementInput, type StoryLinkContext } from './statement-batch';

const CAST: LinkableActor[] = [
  { documentId: 'anna', name: 'Anna Berg', kind: 'person', aliases: [{ name: 'Berg' }] },
  { documentId: 'karl', name: 'Karl Berg', kind: 'person', aliases: [{ name: 'Berg' }] },
  { documentId: 'halvik', name: 'Ilse Halvik', kind: 'person' },
];

function context(): StoryLinkContext {
  const index = new PhraseIndex();
  for (const actor of CAST) indexActor(index, actor);
  indexProposal(index, { documentId: 'harbour', title: 'Harbour talks', kind: 'negotiation' });
  return { onDate: '2026-03-05T00:00:00.000Z', storyProposals: [], index, facts: () => undefined, proposalKind: (id) => (id === 'harbour' ? 'negotiation' : null), linkedAt: '2026-03-05T00:00:00.000Z' };
}

const statement = (text: string, attribution: string, extra: Partial<BatchStatementInput> = {}): BatchStatementInput => ({
  text, attribution, kind: 'claim', verification: 'unverified', sourceUrl: null, medium: null, evidenceCount: 0, editorSpeaker: null, overrides: { pin: [], reject: [], rejectProposals: [] }, ...extra,
});

const config = readFlagsConfig(undefined).config;

test('linkStoryStatements - should settle a shared alias with the actors of the statements before it', () => {
  const { links, storyActors } = linkStoryStatements([statement('Exports fell', 'Anna Berg said'), statement('Imports rose', 'Berg said')], context(), false);
  expect(links.map((link) => link.speaker)).toEqual(['anna', 'anna']);
  expect(storyActors).toEqual(['anna']);
});

test('linkStoryStatements - should leave an alias unsettled before the actors that settle it', () => {
  const { links } = linkStoryStatements([statement('Imports rose', 'Berg said'), statement('Exports fell', 'Anna Berg said')], context(), false);
  expect(links[0]!.speaker).toBeNull();
  expect(links[0]!.linkState.ambiguous.map((phrase) => phrase.candidates.sort())).toEqual([['anna', 'karl']]);
});

test('linkStoryStatements - should relink a published story with all its actors, as its publication does', () => {
  const statements = [statement('Exports fell', 'Anna Berg said'), statement('Imports rose', 'Berg said'), statement('Taxes rose', 'Karl Berg said')];
  const draft = linkStoryStatements(statements, context(), false);
  expect(draft.links[1]!.speaker).toBe('anna');
  const published = linkStoryStatements(statements, context(), true);
  expect(published.firstPass[1]!.speaker).toBe('anna');
  // Both Bergs are in the story once it is whole: "Berg" no longer decides.
  expect(published.links[1]!.speaker).toBeNull();
  expect(published.storyActors.sort()).toEqual(['anna', 'karl']);
});

test('linkStoryStatements - should score, bind verdicts to their words and pad the link text', () => {
  const [link] = linkStoryStatements([statement('Unemployment doubled in 2025', 'Ilse Halvik said', { verification: 'false' })], context(), false).links;
  expect(link!.verifiedText).toBe('Unemployment doubled in 2025');
  expect(link!.checkWorthiness).toBeGreaterThan(0.5);
  expect(link!.linkText).toBe(' unemployment doubled in 2025 | ilse halvik said ');
});

test('evaluateBatchFlags - should open, then make obsolete with an event and a new version, as saves in turn do', () => {
  const input = statement('Imports rose', 'Berg said', { kind: 'paraphrase' });
  const { links } = linkStoryStatements([statement('Exports fell', 'Anna Berg said'), input, statement('Taxes rose', 'Karl Berg said')], context(), true);
  const settled = linkStoryStatements([statement('Exports fell', 'Anna Berg said'), input], context(), false).links[1]!;
  const unsettled = links[1]!;
  const opened = evaluateBatchFlags('s2', [], flagSubjectOf(input, unsettled, null, []), config, false);
  const ambiguous = opened.find((flag) => flag.kind === 'ambiguous_actor')!;
  expect(ambiguous).toMatchObject({ status: 'open', version: 1, events: [{ from: null, to: 'open' }], openedAfterPublication: false });
  const later = evaluateBatchFlags('s2', opened, flagSubjectOf(input, settled, null, []), config, true);
  expect(later.find((flag) => flag.key === ambiguous.key)).toMatchObject({ status: 'obsolete', version: 2, events: [{ to: 'open' }, { from: 'open', to: 'obsolete', note: 'the cause went away' }] });
  // The same evaluation again changes nothing.
  expect(evaluateBatchFlags('s2', later, flagSubjectOf(input, settled, null, []), config, true)).toEqual(later);
});

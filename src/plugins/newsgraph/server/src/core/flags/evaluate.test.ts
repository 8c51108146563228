import { DEFAULT_FLAGS_CONFIG, readFlagsConfig } from './flag-config';
import { evaluateFlags, flagKey, planFlagChanges, type StoredFlag } from './evaluate';
import type { FlagSubject, RaisedFlag } from './flag-types';

const subject: FlagSubject = {
  statement: { text: 'We shot down 40 drones', kind: 'direct_quote', attribution: 'officials said', verification: 'unverified', checkWorthiness: 0.9, sourceUrl: null, medium: null, evidenceCount: 0, speaker: null, ambiguous: [] },
  story: { body: 'Nothing quoted here.', sourceUrl: null },
};

describe('evaluateFlags', () => {
  it('evaluateFlags - should run every enabled rule', () => {
    expect(evaluateFlags(subject, DEFAULT_FLAGS_CONFIG).map((flag) => flag.kind).sort()).toEqual(['anonymous_source', 'missing_source', 'quote_mismatch', 'single_source_number', 'unknown_speaker', 'unverified_claim']);
  });
  it('evaluateFlags - should skip disabled rules and use configured severities', () => {
    const { config } = readFlagsConfig({ rules: { quote_mismatch: { enabled: false }, anonymous_source: { severity: 'high' } } });
    const flags = evaluateFlags(subject, config);
    expect(flags.map((flag) => flag.kind)).not.toContain('quote_mismatch');
    expect(flags.find((flag) => flag.kind === 'anonymous_source')!.severity).toBe('high');
  });
});

describe('planFlagChanges', () => {
  const raised = (kind: RaisedFlag['kind'], cause = ''): RaisedFlag => ({ kind, cause, severity: 'medium', reason: `${kind} reason` });
  const stored = (flag: RaisedFlag, status: StoredFlag['status']): StoredFlag => ({ key: flagKey('s1', flag), status, severity: flag.severity, reason: flag.reason });

  it('planFlagChanges - should create a flag for a new cause, once however often it is raised', () => {
    expect(planFlagChanges('s1', [], [raised('missing_source'), raised('missing_source')])).toEqual([{ type: 'create', flag: raised('missing_source'), key: 's1|missing_source|' }]);
  });
  it('planFlagChanges - should change nothing when the stored flags already match', () => {
    expect(planFlagChanges('s1', [stored(raised('missing_source'), 'open')], [raised('missing_source')])).toEqual([]);
  });
  it('planFlagChanges - should make an open or in-review flag obsolete when its cause went away, and leave resolved and dismissed ones', () => {
    const changes = planFlagChanges('s1', [stored(raised('missing_source'), 'open'), stored(raised('unknown_speaker'), 'in_review'), stored(raised('quote_mismatch'), 'resolved'), stored(raised('anonymous_source'), 'dismissed')], []);
    expect(changes).toEqual([
      { type: 'transition', key: 's1|missing_source|', from: 'open', to: 'obsolete', note: 'the cause went away' },
      { type: 'transition', key: 's1|unknown_speaker|', from: 'in_review', to: 'obsolete', note: 'the cause went away' },
    ]);
  });
  it('planFlagChanges - should reopen an obsolete flag whose cause came back', () => {
    expect(planFlagChanges('s1', [stored(raised('missing_source'), 'obsolete')], [raised('missing_source')])).toMatchObject([{ type: 'transition', from: 'obsolete', to: 'open' }]);
  });
  it('planFlagChanges - should reopen a resolved flag only when the text changed', () => {
    const flag = stored(raised('unverified_claim'), 'resolved');
    expect(planFlagChanges('s1', [{ ...flag, textChangedSinceResolution: false }], [raised('unverified_claim')])).toEqual([]);
    expect(planFlagChanges('s1', [{ ...flag, textChangedSinceResolution: true }], [raised('unverified_claim')])).toMatchObject([{ type: 'transition', from: 'resolved', to: 'open', note: 'text changed after the verdict', textChangedAfterVerdict: true }]);
  });
  it('planFlagChanges - should retire a resolved flag whose words changed when its cause is gone, so its verdict no longer stands', () => {
    const flag = stored(raised('quote_mismatch'), 'resolved');
    expect(planFlagChanges('s1', [{ ...flag, textChangedSinceResolution: false }], [])).toEqual([]);
    expect(planFlagChanges('s1', [{ ...flag, textChangedSinceResolution: true }], [])).toEqual([
      { type: 'transition', key: flag.key, from: 'resolved', to: 'obsolete', note: 'text changed after the verdict', textChangedAfterVerdict: true },
    ]);
  });
  it('planFlagChanges - should update the severity or reason of a flag still raised', () => {
    const flag = stored(raised('missing_source'), 'open');
    expect(planFlagChanges('s1', [flag], [{ ...raised('missing_source'), severity: 'high' }])).toEqual([{ type: 'update', key: flag.key, severity: 'high', reason: 'missing_source reason' }]);
  });
  it('planFlagChanges - should keep flags of one kind with different causes apart', () => {
    const changes = planFlagChanges('s1', [stored(raised('ambiguous_actor', 'text:halas'), 'open')], [raised('ambiguous_actor', 'text:merel')]);
    expect(changes.map((change) => change.type).sort()).toEqual(['create', 'transition']);
  });
});

describe('readFlagsConfig', () => {
  it('readFlagsConfig - should give the defaults for no config', () => {
    expect(readFlagsConfig(undefined)).toEqual({ config: DEFAULT_FLAGS_CONFIG, problems: [] });
  });
  it('readFlagsConfig - should merge a rule\'s settings over its defaults', () => {
    const { config, problems } = readFlagsConfig({ rules: { unverified_claim: { threshold: 0.7 } }, publishGuard: false });
    expect(problems).toEqual([]);
    expect(config.rules.unverified_claim).toEqual({ enabled: true, severity: 'medium', threshold: 0.7 });
    expect(config.publishGuard).toBe(false);
  });
  it.each([
    [{ rules: { made_up: {} } }, 'flags.rules.made_up is not a flag kind'],
    [{ rules: { unknown_speaker: { severity: 'urgent' } } }, 'flags.rules.unknown_speaker.severity must be one of low, medium, high'],
    [{ rules: { unverified_claim: { threshold: 2 } } }, 'flags.rules.unverified_claim.threshold must be a number from 0 to 1'],
    [{ rules: { missing_source: { threshold: 0.2 } } }, 'flags.rules.missing_source.threshold is not a setting of this rule'],
    [{ rules: { missing_source: { enabled: 'yes' } } }, 'flags.rules.missing_source.enabled must be true or false'],
    [{ publishGuard: 'off' }, 'flags.publishGuard must be true or false'],
    [{ guard: true }, 'flags.guard is not a setting'],
    ['on', 'flags must be an object'],
  ])('readFlagsConfig - should name the problem in %j', (value, message) => {
    expect(readFlagsConfig(value).problems.join('\n')).toContain(message);
  });
});

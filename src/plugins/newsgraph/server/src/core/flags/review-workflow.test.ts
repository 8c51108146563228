import { bindVerdict, checkReviewDecision, REVIEW_TRANSITIONS, sameVerdictText, verdictTextKey } from './review-workflow';

describe('verdictTextKey', () => {
  it('verdictTextKey - should ignore quote style, dashes, ellipses, whitespace and case', () => {
    expect(sameVerdictText('“Exports fell by 42 percent — last year…”', '"exports fell by 42 percent - last year..."')).toBe(true);
    expect(sameVerdictText('Exports  fell\nby 42 percent', 'Exports fell by 42 percent')).toBe(true);
  });
  it('verdictTextKey - should tell changed words and numbers apart', () => {
    expect(sameVerdictText('Exports fell by 42 percent last year', 'Exports fell by 43 percent last year')).toBe(false);
    expect(sameVerdictText('Exports fell last year', 'Exports rose last year')).toBe(false);
    expect(verdictTextKey('Exports fell')).not.toBe(verdictTextKey('Exports fell sharply'));
  });
});

describe('bindVerdict', () => {
  const rated = { text: 'Exports fell by 42 percent last year', verification: 'false', verifiedText: 'Exports fell by 42 percent last year' };

  it('bindVerdict - should bind a verdict given in a write to the words being saved', () => {
    expect(bindVerdict({ text: 'A', verification: 'unverified', verifiedText: null }, { verification: 'false' })).toEqual({ verifiedText: 'A' });
    expect(bindVerdict(null, { text: 'New claim', verification: 'accurate' })).toEqual({ verifiedText: 'New claim' });
    // A verdict and new words in one save: the verdict is on the new words.
    expect(bindVerdict(rated, { text: 'Exports fell by 43 percent', verification: 'accurate' })).toEqual({ verifiedText: 'Exports fell by 43 percent' });
  });
  it('bindVerdict - should send verification back to unverified when the words change under a standing verdict', () => {
    expect(bindVerdict(rated, { text: 'Exports fell by 43 percent last year' })).toEqual({ verification: 'unverified', verifiedText: null });
    // The admin form sends every field: an unchanged verification is not a new verdict.
    expect(bindVerdict(rated, { text: 'Exports fell by 43 percent last year', verification: 'false' })).toEqual({ verification: 'unverified', verifiedText: null });
  });
  it('bindVerdict - should leave a verdict alone when only quote style or spacing changed, or no words were sent', () => {
    expect(bindVerdict(rated, { text: '“Exports fell by 42 percent  last year”' })).toBeNull();
    expect(bindVerdict(rated, {})).toBeNull();
    expect(bindVerdict({ ...rated, verification: 'unverified', verifiedText: null }, { text: 'Anything else' })).toBeNull();
  });
  it('bindVerdict - should bind legacy verdicts (no recorded words) to the words they stand on', () => {
    expect(bindVerdict({ ...rated, verifiedText: null }, { text: rated.text })).toEqual({ verifiedText: rated.text });
    expect(bindVerdict({ ...rated, verifiedText: null }, { text: 'Exports fell by 12 percent last year' })).toEqual({ verification: 'unverified', verifiedText: null });
  });
  it('bindVerdict - should clear the recorded words when the verdict is taken back', () => {
    expect(bindVerdict(rated, { verification: 'unverified' })).toEqual({ verifiedText: null });
  });
});

describe('checkReviewDecision', () => {
  const flag = { status: 'open' as const, version: 3 };
  it('checkReviewDecision - should refuse a decision taken on another version', () => {
    expect(checkReviewDecision('claim', flag, { version: 2 }, 'x')).toEqual({ type: 'stale', currentVersion: 3, currentStatus: 'open' });
  });
  it('checkReviewDecision - should refuse an action the status does not allow, naming both', () => {
    expect(checkReviewDecision('reopen', flag, { version: 3 }, 'x')).toEqual({ type: 'status', message: 'A flag that is open cannot be reopened' });
    expect(checkReviewDecision('resolve', { status: 'dismissed', version: 1 }, { version: 1 }, 'x')).toMatchObject({ type: 'status' });
  });
  it('checkReviewDecision - should refuse a verdict on words other than the statement has now', () => {
    expect(checkReviewDecision('resolve', flag, { version: 3, judgedText: 'Exports fell 42%' }, 'Exports fell 43%')).toEqual({ type: 'text-changed', currentText: 'Exports fell 43%' });
    expect(checkReviewDecision('resolve', flag, { version: 3, judgedText: '“Exports fell 42%”' }, 'Exports fell 42%')).toBeNull();
    expect(checkReviewDecision('resolve', flag, { version: 3 }, 'Exports fell 43%')).toBeNull();
  });
  it('REVIEW_TRANSITIONS - should let every action start only from the statuses where it makes sense', () => {
    expect(REVIEW_TRANSITIONS.reopen.from).not.toContain('open');
    expect(REVIEW_TRANSITIONS.resolve.from).toEqual(['open', 'in_review']);
  });
});

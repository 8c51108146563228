import { DAY_MS, dayLabel, median, medianSlice, readTrendsQuery, shapeTrends, topSpeakers, trendWindow } from './flag-trends';
import { InputError } from '../input-error';

describe('readTrendsQuery', () => {
  it('Read - should default to 30 days in UTC', () => {
    expect(readTrendsQuery({})).toEqual({ days: 30, utcOffset: 0 });
  });

  it('Read - should take days and a negative or positive offset', () => {
    expect(readTrendsQuery({ days: '7', utcOffset: '-300' })).toEqual({ days: 7, utcOffset: -300 });
    expect(readTrendsQuery({ days: '90', utcOffset: '840' })).toEqual({ days: 90, utcOffset: 840 });
  });

  it.each([['days', '0'], ['days', '91'], ['days', '3.5'], ['days', 'ten'], ['utcOffset', '900'], ['utcOffset', '-721'], ['days', ['1', '2']]])('Read - should refuse %s=%s, naming it', (key, value) => {
    expect(() => readTrendsQuery({ [key]: value })).toThrow(InputError);
    try {
      readTrendsQuery({ [key]: value });
    } catch (error) {
      expect((error as InputError).path).toBe(key);
    }
  });
});

describe('trendWindow', () => {
  it('Window - should end today and start days - 1 before, at midnight UTC', () => {
    const window = trendWindow(new Date('2026-03-31T10:00:00Z'), { days: 30, utcOffset: 0 });
    expect(dayLabel(window.firstDay)).toBe('2026-03-02');
    expect(dayLabel(window.lastDay)).toBe('2026-03-31');
    expect(window.since.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it("Window - should begin days at the reader's midnight", () => {
    // 23:30 UTC on the 31st is already 1 April in UTC+02:00, and still the 31st in UTC-05:00.
    const east = trendWindow(new Date('2026-03-31T23:30:00Z'), { days: 2, utcOffset: 120 });
    expect([dayLabel(east.firstDay), dayLabel(east.lastDay)]).toEqual(['2026-03-31', '2026-04-01']);
    expect(east.since.toISOString()).toBe('2026-03-30T22:00:00.000Z');
    const west = trendWindow(new Date('2026-03-31T23:30:00Z'), { days: 1, utcOffset: -300 });
    expect(dayLabel(west.lastDay)).toBe('2026-03-31');
    expect(west.since.toISOString()).toBe('2026-03-31T05:00:00.000Z');
  });
});

describe('median', () => {
  it('Median - should read the middle one of an odd count and the two middle ones of an even count', () => {
    expect(medianSlice(0)).toBeNull();
    expect(medianSlice(1)).toEqual({ offset: 0, limit: 1 });
    expect(medianSlice(5)).toEqual({ offset: 2, limit: 1 });
    expect(medianSlice(6)).toEqual({ offset: 2, limit: 2 });
  });

  it('Median - should average the two middle values, whatever their order', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(3);
  });
});

describe('shapeTrends', () => {
  const window = trendWindow(new Date('2026-03-05T12:00:00Z'), { days: 5, utcOffset: 0 });
  const day = (label: string) => Date.parse(`${label}T00:00:00Z`) / DAY_MS;

  it('Shape - should fill every day of the window, in order, with zeros where nothing happened', () => {
    const trends = shapeTrends(window, {
      dayCounts: [
        { day: day('2026-03-02'), series: 'opened', count: 4 },
        { day: day('2026-03-05'), series: 'opened', count: 1 },
        { day: day('2026-03-02'), series: 'resolved', count: 2 },
        { day: day('2026-03-04'), series: 'dismissed', count: 3 },
        { day: day('2026-02-20'), series: 'opened', count: 9 }, // before the window
        { day: day('2026-03-06'), series: 'opened', count: 9 }, // a clock ahead
      ],
      medianMs: 3_600_000,
      resolved: 2,
      speakerRows: [],
    });
    expect(trends.window).toEqual({ from: '2026-03-01', to: '2026-03-05', days: 5, utcOffset: 0 });
    expect(trends.days).toEqual([
      { date: '2026-03-01', opened: 0, resolved: 0, dismissed: 0 },
      { date: '2026-03-02', opened: 4, resolved: 2, dismissed: 0 },
      { date: '2026-03-03', opened: 0, resolved: 0, dismissed: 0 },
      { date: '2026-03-04', opened: 0, resolved: 0, dismissed: 3 },
      { date: '2026-03-05', opened: 1, resolved: 0, dismissed: 0 },
    ]);
    expect(trends.totals).toEqual({ opened: 5, resolved: 2, dismissed: 3 });
    expect(trends.resolution).toEqual({ medianMs: 3_600_000, resolved: 2 });
  });

  it('Shape - should have no median when nothing was resolved', () => {
    expect(shapeTrends(window, { dayCounts: [], medianMs: 12, resolved: 0, speakerRows: [] }).resolution).toEqual({ medianMs: null, resolved: 0 });
  });
});

describe('topSpeakers', () => {
  it('Speakers - should sum verdicts per speaker, most first, then by name, keeping the top ones', () => {
    const speakers = topSpeakers(
      [
        { speaker: 'a1', name: 'Mara Ilves', verdict: 'false', count: 2 },
        { speaker: 'a1', name: 'Mara Ilves', verdict: 'accurate', count: 1 },
        { speaker: 'a2', name: 'Ane Halas', verdict: 'misleading', count: 3 },
        { speaker: 'a3', name: 'Zed', verdict: 'accurate', count: 1 },
        { speaker: null, name: null, verdict: 'unsupported', count: 1 },
        { speaker: 'a4', name: 'Nobody', verdict: 'unverified', count: 5 }, // not a verdict
      ],
      3
    );
    expect(speakers.map((speaker) => [speaker.documentId, speaker.total])).toEqual([
      ['a2', 3],
      ['a1', 3],
      ['a3', 1],
    ]);
    expect(speakers[1]!.verdicts).toEqual({ accurate: 1, mostly_accurate: 0, misleading: 0, false: 2, unsupported: 0, unverifiable: 0, not_a_claim: 0 });
  });

  it('Speakers - should keep statements without a speaker as one entry with no name, after named speakers of the same total', () => {
    const speakers = topSpeakers([
      { speaker: null, name: 'ignored', verdict: 'false', count: 1 },
      { speaker: 'a1', name: 'Mara Ilves', verdict: 'false', count: 1 },
    ]);
    expect(speakers.map((speaker) => [speaker.documentId, speaker.name])).toEqual([
      ['a1', 'Mara Ilves'],
      [null, null],
    ]);
  });
});

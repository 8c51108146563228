import { findQuantities, isAmount, type QuantityKind } from './quantities';

const kinds = (text: string) => findQuantities(text).map((quantity) => [quantity.text, quantity.kind]);

describe('findQuantities', () => {
  it.each<[string, string, QuantityKind]>([
    ['The two sides signed the deal on March 3 in Doha.', 'March 3', 'date'],
    ['Talks resumed on 3 March 2024, the ministry said.', '3 March 2024', 'date'],
    ['The first convoy arrived on March 3rd.', 'March 3rd', 'date'],
    ['The decree was dated 2024-03-03.', '2024-03-03', 'date'],
    ['The attacks of 9/11 changed the agency.', '9/11', 'date'],
    ['The army said the strike happened two days ago.', 'two', 'date'],
    ['Forty rockets were fired in the past 24 hours.', '24', 'date'],
    ['Inflation in 2024 was the highest in a decade.', '2024', 'year'],
    ['The border has been closed since 1991.', '1991', 'year'],
    ['Prices have doubled since the 1990s.', '1990s', 'year'],
    ['Output is expected to recover by mid-2025.', '2025', 'year'],
    ['Revenue fell in the 2023-24 season.', '2023-24', 'year'],
    ['The vote closes at 10:30 a.m. on Sunday.', '10:30', 'time'],
    ['Sirens sounded at 9pm local time.', '9pm', 'time'],
    ['The curfew starts at 2200 GMT.', '2200', 'time'],
    ['She won the 2nd round by a wide margin.', '2nd', 'ordinal'],
    ['It is the third time the plant has been shelled.', 'third', 'ordinal'],
    ['The country ranks 21st in the index.', '21st', 'ordinal'],
    ['The fund will receive $4.2 billion over five years.', '$4.2 billion', 'money'],
    ['The bank lent €5m to the port.', '€5m', 'money'],
    ['The mine raised A$40 million from investors.', 'A$40 million', 'money'],
    ['A 13 percent rise in fares angered commuters.', '13 percent', 'percentage'],
    ['The ministry paid 3 million euros in fines.', '3 million', 'money'],
    ['Exports fell by 42 percent last year.', '42 percent', 'percentage'],
    ['Turnout reached 61.5% in the capital.', '61.5', 'percentage'],
    ['One in five households has no heating.', 'One', 'percentage'],
    ['Two-thirds of the wells are dry.', 'Two-thirds', 'percentage'],
    ['Half of the staff were laid off.', 'Half', 'percentage'],
    ['The air force said it shot down 273 drones.', '273', 'count'],
    ['Both sides will free 1,000 prisoners each.', '1,000', 'count'],
    ['Forty thousand troops remain in the region.', 'Forty thousand', 'count'],
    ['Nine people were killed in the blast.', 'Nine', 'count'],
    ['Hundreds of protesters gathered outside.', 'Hundreds', 'count'],
    ['The pipeline runs 1,200 km under the sea.', '1,200', 'count'],
    ['Police detained a 45-year-old man.', '45', 'count'],
    ['The sides agreed to a 30-day ceasefire.', '30', 'duration'],
    ['He was sentenced to 18 months in prison.', '18', 'duration'],
    ['The ministry ordered more F-16 jets.', '16', 'identifier'],
    ['The Security Council passed Resolution 2231.', '2231', 'identifier'],
    ['Call the hotline on +1 202 555 0143 for help.', '+1 202 555 0143', 'identifier'],
    ['COVID-19 cases rose again.', '19', 'identifier'],
  ])('findQuantities - should read %j as having %j of kind %s', (text, expected, kind) => {
    const found = findQuantities(text).find((quantity) => quantity.text === expected || quantity.text.startsWith(expected));
    expect(found?.kind).toBe(kind);
  });

  it('findQuantities - should tell every number of a sentence apart, in order', () => {
    expect(kinds('On March 3, at 10:30 a.m., the 2nd convoy brought 273 tonnes of grain worth $4.2 million, 42 percent more than in 2024.')).toEqual([
      ['March 3', 'date'],
      ['10:30', 'time'],
      ['2nd', 'ordinal'],
      ['273', 'count'],
      ['$4.2 million', 'money'],
      ['42 percent', 'percentage'],
      ['2024', 'year'],
    ]);
  });

  it('findQuantities - should not report a pronoun "one" or a number that refers back to things named', () => {
    expect(findQuantities('No one knows which one of them will attend.')).toEqual([]);
    expect(findQuantities('The two leaders met behind closed doors.')).toEqual([]);
  });

  it('findQuantities - should find nothing in a sentence without numbers', () => {
    expect(findQuantities('The minister denied the report.')).toEqual([]);
  });
});

describe('findQuantities values', () => {
  const valueOf = (text: string, expected: string) => findQuantities(text).find((quantity) => quantity.text === expected || quantity.text.startsWith(expected))?.value;

  it.each<[string, string, number]>([
    ['The air force said it shot down 273 drones.', '273', 273],
    ['Both sides will free 1,000 prisoners each.', '1,000', 1000],
    ['Turnout reached 61.5% in the capital.', '61.5', 61.5],
    ['Exports fell by 42 percent last year.', '42 percent', 42],
    ['The fund will receive $4.2 billion over five years.', '$4.2 billion', 4.2e9],
    ['The bank lent €5m to the port.', '€5m', 5e6],
    ['Shares worth $2.8M changed hands.', '$2.8M', 2.8e6],
    ['The state sold bonds worth $3 bn.', '$3', 3e9],
    ['The ministry paid 3 million euros in fines.', '3 million', 3e6],
    ['The rally drew 25K people.', '25K', 25_000],
    ['Forty thousand troops remain in the region.', 'Forty thousand', 40_000],
    ['Nine people were killed in the blast.', 'Nine', 9],
    ['Some forty-two villages were evacuated.', 'forty-two', 42],
    ['The army sent two hundred and fifty trucks.', 'two hundred', 250],
    ['Police arrested a dozen men.', 'dozen', 12],
    ['Half a dozen firms bid for the contract.', 'dozen', 6],
    ['Half of the staff were laid off.', 'Half', 50],
    ['The budget was cut by half.', 'half', 50],
    ['Two-thirds of the wells are dry.', 'Two-thirds', 200 / 3],
    ['A third of the budget goes to defence.', 'third', 100 / 3],
    ['A quarter of the harvest was lost.', 'quarter', 25],
    ['One in five households has no heating.', 'One', 20],
    ['3 in 10 voters are undecided.', '3', 30],
    ['The sides agreed to a 30-day ceasefire.', '30', 30],
    ['He was sentenced to 18 months in prison.', '18', 18],
    ['Police detained a 45-year-old man.', '45', 45],
  ])('findQuantities - should read the value of %j as %j = %d', (text, expected, value) => {
    expect(valueOf(text, expected)).toBeCloseTo(value, 6);
  });

  it('findQuantities - should leave out the value of words that fix no number', () => {
    expect(valueOf('Hundreds of protesters gathered outside.', 'Hundreds')).toBeUndefined();
    expect(valueOf('Dozens of homes were damaged.', 'Dozens')).toBeUndefined();
    expect(valueOf('Exports fell by 12 percent in the first quarter.', 'quarter')).toBeUndefined();
    expect(valueOf('They built a 10m wall along the border.', '10m')).toBeUndefined();
    expect(valueOf('Around 300 hundred kids were found.', '300')).toBeUndefined();
  });

  it('findQuantities - should give no value to dates, years, times, ordinals or identifiers', () => {
    const references = findQuantities('On March 3, 2024 at 10:30 a.m., the 2nd F-16 landed in 2025.').filter((quantity) => !isAmount(quantity));
    expect(references.length).toBeGreaterThan(0);
    expect(references.map((quantity) => quantity.value)).toEqual(references.map(() => undefined));
  });
});

describe('isAmount', () => {
  it('isAmount - should hold for money, percentages, counts and durations only', () => {
    const amounts = findQuantities('In 2024, on March 3 at 9pm, the 2nd F-16 fired 12 missiles worth $3m, 5 percent of stock, in a 30-day campaign.').filter(isAmount);
    expect(amounts.map((quantity) => quantity.kind)).toEqual(['count', 'money', 'percentage', 'duration']);
  });
});

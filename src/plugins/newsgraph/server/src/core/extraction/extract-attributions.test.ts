import { extractAttributions, type Attribution } from './extract-attributions';
import { candidateResolver, resolveSpeakers } from './speakers';

function read(body: string, existingTexts?: string[]) {
  const slice = (span: { start: number; end: number } | null) => (span ? body.slice(span.start, span.end) : null);
  return extractAttributions(body, { existingTexts }).map((attribution: Attribution) => ({
    content: slice(attribution.content),
    cue: slice(attribution.cue),
    source: slice(attribution.source),
    kind: attribution.kind,
    text: attribution.text,
    attribution: attribution.attribution,
    speaker: attribution.speakerText,
  }));
}

describe('extractAttributions - quotes', () => {
  it('Quote then source and cue - should take the quote with its marks and inner comma', () => {
    expect(read('"The harbour will reopen on Friday," the port director said.')).toEqual([
      expect.objectContaining({ content: '"The harbour will reopen on Friday,"', cue: 'said', source: 'the port director', kind: 'direct_quote', text: 'The harbour will reopen on Friday', attribution: 'the port director said' }),
    ]);
  });

  it('Curly quotes and an inversion - should find "said" and the source after it', () => {
    expect(read('\u201cWe have not received any proposal,\u201d said Kremlin spokesman Oleg Varin.')).toEqual([
      expect.objectContaining({ content: '\u201cWe have not received any proposal,\u201d', cue: 'said', source: 'Kremlin spokesman Oleg Varin', kind: 'direct_quote' }),
    ]);
  });

  it('Quote of several sentences - should keep it one content', () => {
    const [found] = read('"The grain is ready. The ships are not," Ms. Darrow told reporters on Tuesday.');
    expect(found).toEqual(expect.objectContaining({ content: '"The grain is ready. The ships are not,"', cue: 'told', source: 'Ms. Darrow', attribution: 'Ms. Darrow told reporters' }));
  });

  it('Colon before a quote - should take the quote alone', () => {
    expect(read('The minister wrote in a letter: "No convoy will cross without inspection."')).toEqual([
      expect.objectContaining({ content: '"No convoy will cross without inspection."', cue: 'wrote', source: 'The minister', kind: 'document' }),
    ]);
  });

  it('Split quote around the cue - should span both parts and leave the cue out of the text', () => {
    expect(read('"We are ready," he said, "but only if the shelling stops."')).toEqual([
      expect.objectContaining({ content: '"We are ready," he said, "but only if the shelling stops."', cue: 'said', source: 'he', kind: 'direct_quote', text: 'We are ready, but only if the shelling stops.' }),
    ]);
  });

  it('Quote after an attribution - should go on with the same speaker and cue', () => {
    const found = read('"The talks were useful," Halvik said. "Nobody expected a deal today."');
    expect(found).toHaveLength(2);
    expect(found[1]).toEqual(expect.objectContaining({ content: '"Nobody expected a deal today."', cue: 'said', source: 'Halvik', kind: 'direct_quote' }));
  });

  it('Quote running across paragraphs - should span from the first opening mark to the last closing mark', () => {
    const body = 'Halvik said: "The first convoy leaves at dawn.\n\n"The second will follow when the road is cleared."\n\nThe talks resume on Monday.';
    expect(read(body)).toEqual([
      expect.objectContaining({ content: '"The first convoy leaves at dawn.\n\n"The second will follow when the road is cleared."', source: 'Halvik', kind: 'direct_quote', text: 'The first convoy leaves at dawn. The second will follow when the road is cleared.' }),
    ]);
  });

  it('Added quote - should give ", adding" the same source', () => {
    const found = read('Varin said the meeting was "constructive," adding, "We will meet again."');
    expect(found).toEqual([
      expect.objectContaining({ content: 'the meeting was "constructive,"', cue: 'said', source: 'Varin', kind: 'paraphrase', text: 'the meeting was "constructive"' }),
      expect.objectContaining({ content: '"We will meet again."', cue: 'adding', source: 'Varin', kind: 'direct_quote' }),
    ]);
  });

  it('Scare quotes with no cue - should suggest nothing', () => {
    expect(read('The so-called "peace corridor" was closed again on Sunday.')).toEqual([]);
  });
});

describe('extractAttributions - reported speech', () => {
  it('A participle after a preposition - should read as an adjective, not a cue', () => {
    const found = read('Teodor Halvik said his government would wait for written terms.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cue: 'said', source: 'Teodor Halvik', content: 'his government would wait for written terms' });
    expect(read('The council met with stated aims in mind.')).toEqual([]);
  });

  it('X said that ... - should take the clause with "that" and leave the period out', () => {
    expect(read('The foreign minister said on Monday that the border would stay closed.')).toEqual([
      expect.objectContaining({ content: 'that the border would stay closed', cue: 'said', source: 'The foreign minister', kind: 'paraphrase', text: 'the border would stay closed' }),
    ]);
  });

  it('X said ... without "that" - should start the content right after the cue', () => {
    expect(read('U.S. Secretary of State Ana Ruiz said the sanctions would remain in place.')).toEqual([
      expect.objectContaining({ content: 'the sanctions would remain in place', source: 'U.S. Secretary of State Ana Ruiz' }),
    ]);
  });

  it('..., X said. - should take the clause before the comma', () => {
    expect(read('The ceasefire has held since midnight, two officials said on Sunday.')).toEqual([
      expect.objectContaining({ content: 'The ceasefire has held since midnight', cue: 'said', source: 'two officials' }),
    ]);
  });

  it('Partial quote inside reported speech - should stay a paraphrase with its marks', () => {
    expect(read('Darrow said the offer was "a serious step" toward a deal.')).toEqual([
      expect.objectContaining({ content: 'the offer was "a serious step" toward a deal', kind: 'paraphrase' }),
    ]);
  });

  it('According to X, ... - should take "according to" as the cue', () => {
    expect(read('According to the ministry, 40 trucks crossed on Tuesday.')).toEqual([
      expect.objectContaining({ content: '40 trucks crossed on Tuesday', cue: 'According to', source: 'the ministry' }),
    ]);
    expect(read('Forty trucks crossed on Tuesday, according to a ministry report.')).toEqual([
      expect.objectContaining({ content: 'Forty trucks crossed on Tuesday', cue: 'according to', source: 'a ministry report', kind: 'document' }),
    ]);
  });

  it('X told Y ... - should leave the person told out of the content and in the attribution', () => {
    expect(read('Varin told the state broadcaster that no troops had moved.')).toEqual([
      expect.objectContaining({ content: 'that no troops had moved', cue: 'told', source: 'Varin', attribution: 'Varin told the state broadcaster' }),
    ]);
  });

  it('Cue in the middle of the sentence - should span the whole clause and cut the cue from the text', () => {
    expect(read('The talks, he said, will resume after the holiday.')).toEqual([
      expect.objectContaining({ content: 'The talks, he said, will resume after the holiday', cue: 'said', source: 'he', text: 'The talks will resume after the holiday' }),
    ]);
  });

  it('Apposition - should keep the name with its role', () => {
    expect(read('Her deputy, Tomas Brell, said the vote would be held in March.')).toEqual([
      expect.objectContaining({ source: 'Her deputy, Tomas Brell', content: 'the vote would be held in March' }),
    ]);
  });

  it('Source with a prepositional phrase - should keep "a spokeswoman for the ministry" whole', () => {
    expect(read('A spokeswoman for the interior ministry said the checkpoint had reopened.')).toEqual([
      expect.objectContaining({ source: 'A spokeswoman for the interior ministry', content: 'the checkpoint had reopened' }),
    ]);
    expect(read('The convoy came after the ministry said the road was safe.')).toEqual([expect.objectContaining({ source: 'the ministry' })]);
  });

  it('Adjuncts after a closing cue - should end the content before the cue clause', () => {
    expect(read('"We have waited long enough," Darrow said outside the court.')).toEqual([
      expect.objectContaining({ content: '"We have waited long enough,"', source: 'Darrow' }),
    ]);
    expect(read('The court annulled the vote, the electoral board said, a decision both parties had feared.')).toEqual([
      expect.objectContaining({ content: 'The court annulled the vote', source: 'the electoral board' }),
    ]);
    expect(read('Around 500 families left the valley overnight, the mayor said.')).toEqual([
      expect.objectContaining({ content: 'Around 500 families left the valley overnight', source: 'the mayor' }),
    ]);
  });

  it('Apposition with a prepositional phrase - should keep it in the source', () => {
    expect(read('Senator Ivo Brandt, a Liberal from the north, said on Friday that he would vote no.')).toEqual([
      expect.objectContaining({ source: 'Senator Ivo Brandt, a Liberal from the north', content: 'that he would vote no' }),
    ]);
  });

  it('A statement saying ... - should read "saying" as the cue and the issuer as the source', () => {
    expect(read('The embassy later issued a statement saying the visas were "suspended until further notice."')).toEqual([
      expect.objectContaining({ cue: 'saying', source: 'The embassy', content: 'the visas were "suspended until further notice."' }),
    ]);
  });

  it('Split quote with adjuncts, discourse adverbs, party-state tags, infinitives - should read them', () => {
    expect(read('"The dam will hold," Mayor Ines Corr said at a briefing on Monday, "but not forever."')).toEqual([
      expect.objectContaining({ content: '"The dam will hold," Mayor Ines Corr said at a briefing on Monday, "but not forever."', kind: 'direct_quote', text: 'The dam will hold, but not forever.' }),
    ]);
    expect(read('Farmers, however, said the rains came too late.')).toEqual([expect.objectContaining({ source: 'Farmers', content: 'the rains came too late' })]);
    expect(read('"It is a bad deal," Sen. Ana Ruiz, D-N.M., told the Herald.')).toEqual([
      expect.objectContaining({ source: 'Sen. Ana Ruiz, D-N.M.', cue: 'told', content: '"It is a bad deal,"' }),
    ]);
    expect(read('The mayor vowed to rebuild the bridge.')).toEqual([expect.objectContaining({ cue: 'vowed', content: 'to rebuild the bridge' })]);
    expect(read('A resident, who asked not to be named, described the night.')).toEqual([]);
  });

  it('Urged her supporters - should read "her" as a possessive, not the person urged', () => {
    expect(read('Marsh urged her voters to stay calm.')).toEqual([expect.objectContaining({ content: 'her voters to stay calm' })]);
  });

  it('Two coordinated cues - should end the first content at ", but"', () => {
    const found = read('Darrow said the corridor was open, but she warned that convoys could be stopped.');
    expect(found).toEqual([
      expect.objectContaining({ content: 'the corridor was open', source: 'Darrow' }),
      expect.objectContaining({ content: 'that convoys could be stopped', cue: 'warned', source: 'she', speaker: 'Darrow' }),
    ]);
  });

  it('Lexicon verbs - should find announce, deny, insist, warn, claim', () => {
    for (const verb of ['announced', 'denied', 'insisted', 'warned', 'claimed']) {
      expect(read(`The ministry ${verb} that the shipment had left Odesa.`)).toEqual([expect.objectContaining({ cue: verb, source: 'The ministry' })]);
    }
  });

  it('Verbs left out - should not read believe, provide or address as attributions', () => {
    expect(read('Officials believe the port is mined.')).toEqual([]);
    expect(read('The ministry provided figures on the harvest.')).toEqual([]);
    expect(read('The president addressed the assembly on Monday.')).toEqual([]);
  });

  it('Nouns and passives - should not read "the claims", "a report" or "was announced" as cues', () => {
    expect(read('The claims were rejected by the court.')).toEqual([]);
    expect(read('A report was published on Monday.')).toEqual([]);
    expect(read('The deal was announced by both sides.')).toEqual([]);
    expect(read('Officials declined to say when the talks would resume.')).toEqual([]);
  });

  it('Posts - should be social posts by cue or medium', () => {
    expect(read('Varin wrote on X that the talks had failed.')[0]?.kind).toBe('social_post');
    expect(read('The president posted that the deal was done.')[0]?.kind).toBe('social_post');
  });
});

describe('extractAttributions - sentences, speakers, duplicates', () => {
  it('News abbreviations - should not end a sentence after Mr., Gen., Jan. or U.S.', () => {
    const found = read('Gen. Ivo Marsh met Mr. Pell on Jan. 5 in the U.S. capital. Marsh said the meeting went well.');
    expect(found).toEqual([expect.objectContaining({ source: 'Marsh', content: 'the meeting went well' })]);
  });

  it('Pronoun source - should take the nearest compatible speaker in the paragraph or the one before', () => {
    const body = 'The interior ministry said roads were open. Lena Darrow said the convoy was delayed.\n\n"We will wait," she said.';
    const found = read(body);
    expect(found[2]).toEqual(expect.objectContaining({ source: 'she', speaker: 'Lena Darrow' }));
    expect(read('Darrow said the talks failed.\n\nNothing happened.\n\nShe said more.')[1]?.speaker ?? null).toBeNull();
    expect(read('The ministry said roads were open. "They are safe," it said.')[1]).toEqual(expect.objectContaining({ speaker: 'The ministry' }));
    expect(read('Officials said the road was shut. She said it would reopen.')[1]?.speaker ?? null).toBeNull();
  });

  it('Existing statements - should not suggest one whose folded text is already there', () => {
    expect(read('"The harbour will reopen on Friday," the port director said.', ['the harbour will REOPEN on friday'])).toEqual([]);
  });

  it('Markdown - should read headings and quotes blocks as paragraphs with offsets into the input', () => {
    const body = '## Talks\n\n> "We are close," Varin said.';
    const [found] = extractAttributions(body);
    expect(body.slice(found!.content.start, found!.content.end)).toBe('"We are close,"');
  });

  it('Adversarial input - should never throw', () => {
    for (const body of ['', '   ', '"', '""""', '"'.repeat(5000), 'said said said', '\u201c'.repeat(100), 'according to', ', said .', 'a'.repeat(100000)]) {
      expect(() => extractAttributions(body)).not.toThrow();
    }
  });
});

describe('resolveSpeakers', () => {
  it('Resolver - should resolve sources and give a pronoun its antecedent speaker', () => {
    const attributions = extractAttributions('Lena Darrow said the convoy was delayed. "We will wait," she said.');
    const resolve = candidateResolver([{ names: ['Lena Darrow', 'Darrow'], speaker: 'actor-1' }]);
    const resolved = resolveSpeakers(attributions, resolve);
    expect(resolved.map((attribution) => attribution.speaker)).toEqual(['actor-1', 'actor-1']);
  });
});

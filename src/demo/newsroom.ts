/**
 * Demo data set for Newsgraph: one published wire story and one embargoed follow-up.
 *
 * Everything here is FICTIONAL. The countries (Varnesia, Ostrelia, Caldoria, Montreval),
 * their capitals, leaders, officials, the Northern Union, the Patriarchate of Saint Aurel,
 * the broadcaster and the Demo Wire agency are invented. The stories imitate the shape of a
 * real wire report on a leaders' ceasefire call (many speakers, role descriptors, metonyms,
 * spelling variants, single-source numbers) so that the linker and the flag rules have
 * realistic work to do, but no real person is ever given words they did not say.
 * Any resemblance of a name to a real person is unintended.
 *
 * Country codes use ISO 3166 user-assigned ranges (XA..XZ, QM..QZ) so they cannot collide
 * with a real country. Alias `language` tags name the script used for the fictional
 * languages: Varnesian is written in Cyrillic (tagged `sr`), Ostrelian in Greek (`el`),
 * Montrevalese in French (`fr`). All URLs point at example.org / example.com.
 */

export type ActorKind = 'person' | 'organization' | 'government' | 'country' | 'institution' | 'group' | 'media';
export type StatementKind = 'direct_quote' | 'paraphrase' | 'claim' | 'social_post' | 'document';
export type Verification =
  | 'unverified'
  | 'accurate'
  | 'mostly_accurate'
  | 'misleading'
  | 'false'
  | 'unsupported'
  | 'unverifiable'
  | 'not_a_claim';
export type ProposalKind = 'ceasefire' | 'negotiation' | 'meeting' | 'sanction' | 'exchange' | 'agreement' | 'other';
export type ProposalStatus =
  | 'proposed'
  | 'under_negotiation'
  | 'accepted'
  | 'rejected'
  | 'implemented'
  | 'withdrawn'
  | 'stalled';

export interface DemoAlias {
  name: string;
  language?: string;
}

export interface DemoPosition {
  title: string;
  descriptors: string[];
  organization?: string;
  from: string;
  to?: string;
}

export interface DemoActor {
  key: string;
  name: string;
  kind: ActorKind;
  description: string;
  country?: string;
  affiliation?: string;
  aliases: DemoAlias[];
  positions: DemoPosition[];
}

export interface DemoProposal {
  key: string;
  title: string;
  summary: string;
  kind: ProposalKind;
  status: ProposalStatus;
  proposedBy: string[];
  supporters: string[];
  opponents: string[];
  proposedOn: string;
  terms: string;
  aliases: DemoAlias[];
}

export interface DemoEvidence {
  url: string;
  title: string;
  note?: string;
}

export interface DemoStatement {
  text: string;
  kind: StatementKind;
  attribution: string;
  speaker?: string;
  mentions: string[];
  proposals: string[];
  saidAt?: string;
  medium?: string;
  sourceUrl?: string;
  verification?: Verification;
  evidence?: DemoEvidence[];
}

export interface DemoStory {
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  storyDate: string;
  dateline: string;
  outlet: string;
  byline: string;
  section: string;
  sourceUrl: string;
  language: string;
  proposals: string[];
  publish: boolean;
  statements: DemoStatement[];
}

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------

export const demoActors: DemoActor[] = [
  // People
  {
    key: 'anton-merel',
    name: 'Anton Merel',
    kind: 'person',
    description: 'President of Varnesia since 2014; previously the country\'s prime minister.',
    country: 'XV',
    aliases: [
      { name: 'Anton Merrel' },
      { name: 'A. Merel' },
      { name: 'Антон Мерел', language: 'sr' },
    ],
    positions: [
      {
        title: 'Prime Minister of Varnesia',
        descriptors: ['the Varnesian prime minister', "Varnesia's prime minister", 'the prime minister of Varnesia'],
        organization: 'varnesia-government',
        from: '2010-03-01',
        to: '2014-05-31',
      },
      {
        title: 'President of Varnesia',
        descriptors: [
          'the Varnesian president',
          "Varnesia's president",
          'the Varnesian leader',
          "Varnesia's leader",
          'the president of Varnesia',
        ],
        organization: 'varnesia-government',
        from: '2014-06-01',
      },
    ],
  },
  {
    key: 'teodor-halvik',
    name: 'Teodor Halvik',
    kind: 'person',
    description: 'President of Ostrelia since 2021. His surname is transliterated Khalvik in Varnesian media.',
    country: 'XO',
    aliases: [
      { name: 'Teodor Halvyk' },
      { name: 'Teodor Halwik' },
      { name: 'Khalvik' },
      { name: 'Chalvik' },
      { name: 'Θεόδωρος Χάλβικ', language: 'el' },
      { name: 'Теодор Халвик', language: 'sr' },
    ],
    positions: [
      {
        title: 'President of Ostrelia',
        descriptors: [
          'the Ostrelian president',
          "Ostrelia's president",
          'the Ostrelian leader',
          "Ostrelia's leader",
          'the president of Ostrelia',
        ],
        organization: 'ostrelia-government',
        from: '2021-07-15',
      },
    ],
  },
  {
    key: 'corwin-ashdale',
    name: 'Corwin Ashdale',
    kind: 'person',
    description: 'President of Caldoria since January 2025; mediating between Varnesia and Ostrelia.',
    country: 'XC',
    aliases: [{ name: 'Corwin J. Ashdale' }, { name: 'Corwin James Ashdale' }],
    positions: [
      {
        title: 'President of Caldoria',
        descriptors: [
          'the Caldorian president',
          "Caldoria's president",
          'the Caldorian leader',
          "Caldoria's leader",
          'the president of Caldoria',
        ],
        organization: 'caldoria-government',
        from: '2025-01-15',
      },
    ],
  },
  {
    key: 'dana-voss',
    name: 'Dana Voss',
    kind: 'person',
    description: 'Foreign minister of Ostrelia since February 2026; earlier Ostrelia\'s ambassador to the Northern Union.',
    country: 'XO',
    aliases: [{ name: 'Dana Voß', language: 'de' }, { name: 'Ντάνα Φος', language: 'el' }],
    positions: [
      {
        title: 'Ambassador of Ostrelia to the Northern Union',
        descriptors: ["Ostrelia's ambassador to the Northern Union", 'the Ostrelian ambassador to the NU'],
        organization: 'ostrelia-government',
        from: '2022-05-01',
        to: '2026-02-01',
      },
      {
        title: 'Foreign Minister of Ostrelia',
        descriptors: [
          'the foreign minister',
          "Ostrelia's foreign minister",
          'the Ostrelian foreign minister',
          "Ostrelia's top diplomat",
          "Halvik's foreign minister",
        ],
        organization: 'ostrelia-government',
        from: '2026-02-02',
      },
    ],
  },
  {
    key: 'pavel-ridan',
    name: 'Pavel Ridan',
    kind: 'person',
    description:
      'Defense minister of Ostrelia since February 2026 and head of its delegation at the Aubrine talks; foreign minister from 2021 to February 2026.',
    country: 'XO',
    aliases: [{ name: 'Pavlo Ridan' }, { name: 'Pavel Rydan' }, { name: 'Πάβελ Ρίνταν', language: 'el' }],
    positions: [
      {
        title: 'Foreign Minister of Ostrelia',
        descriptors: [
          'the foreign minister',
          "Ostrelia's foreign minister",
          'the Ostrelian foreign minister',
          "Ostrelia's top diplomat",
          "Halvik's foreign minister",
        ],
        organization: 'ostrelia-government',
        from: '2021-09-01',
        to: '2026-02-01',
      },
      {
        title: 'Defense Minister of Ostrelia',
        descriptors: [
          'the defense minister',
          'the defence minister',
          "Ostrelia's defense minister",
          'the Ostrelian defense minister',
          'the Ostrelian defence minister',
        ],
        organization: 'ostrelia-government',
        from: '2026-02-02',
      },
    ],
  },
  {
    key: 'nathan-kell',
    name: 'Nathan Kell',
    kind: 'person',
    description: 'Treasury secretary of Caldoria, in charge of the sanctions regime against Varnesia.',
    country: 'XC',
    affiliation: 'caldoria-government',
    aliases: [{ name: 'Nate Kell' }, { name: 'Nathan A. Kell' }],
    positions: [
      {
        title: 'Treasury Secretary of Caldoria',
        descriptors: [
          'the treasury secretary',
          "Caldoria's treasury secretary",
          'the Caldorian treasury secretary',
          "Ashdale's treasury secretary",
        ],
        organization: 'caldoria-government',
        from: '2025-01-20',
      },
    ],
  },
  {
    key: 'kasimir-dravelin',
    name: 'Kasimir Dravelin',
    kind: 'person',
    description: 'Spokesman for the President of Varnesia.',
    country: 'XV',
    affiliation: 'varnesia-government',
    aliases: [{ name: 'Kazimir Dravelin' }, { name: 'Казимир Дравелин', language: 'sr' }],
    positions: [
      {
        title: 'Spokesman for the President of Varnesia',
        descriptors: [
          'the Varnesian presidential spokesman',
          "Varnesia's presidential spokesman",
          'the Palace of Accords spokesman',
          "Merel's spokesman",
        ],
        organization: 'varnesia-government',
        from: '2018-03-01',
      },
    ],
  },
  {
    key: 'mira-solank',
    name: 'Mira Solank',
    kind: 'person',
    description: 'Spokeswoman for the President of Ostrelia.',
    country: 'XO',
    affiliation: 'ostrelia-government',
    aliases: [{ name: 'Myra Solank' }, { name: 'Μίρα Σόλανκ', language: 'el' }],
    positions: [
      {
        title: 'Spokeswoman for the President of Ostrelia',
        descriptors: [
          'the Ostrelian presidential spokeswoman',
          "Ostrelia's presidential spokeswoman",
          'the Amber House spokeswoman',
          "Halvik's spokeswoman",
        ],
        organization: 'ostrelia-government',
        from: '2023-09-01',
      },
    ],
  },
  {
    key: 'ingrid-sollberg',
    name: 'Ingrid Sollberg',
    kind: 'person',
    description: 'President of the Northern Union Council, the bloc\'s intergovernmental body.',
    affiliation: 'northern-union',
    aliases: [{ name: 'Ingrid Solberg' }, { name: 'I. Sollberg' }],
    positions: [
      {
        title: 'President of the Northern Union Council',
        descriptors: [
          'the Northern Union Council president',
          'the NU Council president',
          'the head of the Northern Union Council',
          "the bloc's council president",
        ],
        organization: 'northern-union',
        from: '2024-12-01',
      },
    ],
  },
  {
    key: 'patriarch-evander',
    name: 'Patriarch Evander II',
    kind: 'person',
    description: 'Head of the Patriarchate of Saint Aurel, which has offered the White Cloister as a venue for talks.',
    country: 'QS',
    affiliation: 'patriarchate-saint-aurel',
    aliases: [{ name: 'Evander II' }, { name: 'Ευάνδρος Β΄', language: 'el' }],
    positions: [
      {
        title: 'Patriarch of Saint Aurel',
        descriptors: ['the Patriarch', 'the head of the Patriarchate', 'the Aurelian Patriarch'],
        organization: 'patriarchate-saint-aurel',
        from: '2019-10-06',
      },
    ],
  },

  // Countries
  {
    key: 'varnesia',
    name: 'Varnesia',
    kind: 'country',
    description: 'Fictional republic at war with its neighbour Ostrelia since October 2023. Capital: Korvath.',
    country: 'XV',
    aliases: [{ name: 'Korvath' }, { name: 'Republic of Varnesia' }, { name: 'Варнесия', language: 'sr' }],
    positions: [],
  },
  {
    key: 'ostrelia',
    name: 'Ostrelia',
    kind: 'country',
    description: 'Fictional republic at war with Varnesia since October 2023. Capital: Lindmark.',
    country: 'XO',
    aliases: [{ name: 'Lindmark' }, { name: 'Republic of Ostrelia' }, { name: 'Οστρέλια', language: 'el' }],
    positions: [],
  },
  {
    key: 'caldoria',
    name: 'Caldoria',
    kind: 'country',
    description: 'Fictional great power mediating between Varnesia and Ostrelia. Capital: Port Sable.',
    country: 'XC',
    aliases: [{ name: 'Port Sable' }, { name: 'Federal Republic of Caldoria' }],
    positions: [],
  },
  {
    key: 'montreval',
    name: 'Montreval',
    kind: 'country',
    description: 'Fictional neutral confederation that hosts talks between Varnesia and Ostrelia. Capital: Aubrine.',
    country: 'XM',
    aliases: [
      { name: 'Aubrine' },
      { name: 'Confederation of Montreval' },
      { name: 'Montréval', language: 'fr' },
      { name: 'Confédération de Montréval', language: 'fr' },
    ],
    positions: [],
  },

  // Governments
  {
    key: 'varnesia-government',
    name: 'Government of Varnesia',
    kind: 'government',
    description: 'The Varnesian presidency and government, seated in the Palace of Accords in Korvath.',
    country: 'XV',
    aliases: [{ name: 'the Palace of Accords' }, { name: 'the Varnesian government' }, { name: 'Korvath authorities' }],
    positions: [],
  },
  {
    key: 'ostrelia-government',
    name: 'Government of Ostrelia',
    kind: 'government',
    description: 'The Ostrelian presidency and government, seated in the Amber House in Lindmark.',
    country: 'XO',
    aliases: [{ name: 'the Amber House' }, { name: 'the Ostrelian government' }, { name: 'Lindmark authorities' }],
    positions: [],
  },
  {
    key: 'caldoria-government',
    name: 'Government of Caldoria',
    kind: 'government',
    description: 'The Caldorian presidency and administration, seated in the Beacon House in Port Sable.',
    country: 'XC',
    aliases: [{ name: 'the Beacon House' }, { name: 'the Caldorian administration' }, { name: 'the Ashdale administration' }],
    positions: [],
  },
  {
    key: 'montreval-government',
    name: 'Federal Council of Montreval',
    kind: 'government',
    description: 'Collective executive of neutral Montreval; observer of the 1,000-for-1,000 prisoner exchange.',
    country: 'XM',
    aliases: [
      { name: "Montreval's Federal Council" },
      { name: 'the Montrevalese government' },
      { name: 'Conseil fédéral de Montréval', language: 'fr' },
    ],
    positions: [],
  },

  // Bloc, institution, military body, media
  {
    key: 'northern-union',
    name: 'Northern Union',
    kind: 'organization',
    description: 'Fictional political and economic bloc of northern states; backs the 30-day ceasefire and maintains sanctions on Varnesia.',
    aliases: [{ name: 'NU' }, { name: 'the Northern Union bloc' }, { name: 'Union du Nord', language: 'fr' }],
    positions: [],
  },
  {
    key: 'patriarchate-saint-aurel',
    name: 'Patriarchate of Saint Aurel',
    kind: 'institution',
    description: 'Fictional religious see seated in the White Cloister on Mount Aurel; has offered to host a leaders\' summit.',
    country: 'QS',
    aliases: [
      { name: 'the White Cloister' },
      { name: 'the Aurelian Patriarchate' },
      { name: 'Πατριαρχείο του Αγίου Αυρηλίου', language: 'el' },
    ],
    positions: [],
  },
  {
    key: 'ostrelian-air-force',
    name: 'Ostrelian Air Force',
    kind: 'organization',
    description: 'Air arm of the Ostrelian armed forces; publishes daily counts of Varnesian drones and missiles.',
    country: 'XO',
    affiliation: 'ostrelia-government',
    aliases: [{ name: "Ostrelia's air force" }, { name: 'the Ostrelian air force' }, { name: 'OAF' }],
    positions: [],
  },
  {
    key: 'radio-television-ostrelia',
    name: 'Radio Television Ostrelia',
    kind: 'media',
    description: 'Ostrelian public broadcaster.',
    country: 'XO',
    aliases: [{ name: 'RTO' }, { name: 'Ostrelian public television' }, { name: "Ostrelia's public broadcaster" }],
    positions: [],
  },
];

// ---------------------------------------------------------------------------
// Proposals
// ---------------------------------------------------------------------------

export const demoProposals: DemoProposal[] = [
  {
    key: 'thirty-day-ceasefire',
    title: '30-day unconditional ceasefire',
    summary:
      'A full pause in fighting on land, at sea and in the air for 30 days, put forward by Caldoria as a test of both sides\' intentions. Accepted by Ostrelia; Varnesia wants a memorandum agreed first.',
    kind: 'ceasefire',
    status: 'under_negotiation',
    proposedBy: ['corwin-ashdale', 'caldoria-government'],
    supporters: ['ostrelia-government', 'teodor-halvik', 'northern-union', 'dana-voss'],
    opponents: ['varnesia-government', 'anton-merel'],
    proposedOn: '2026-03-09',
    terms: '30 days, unconditional; covers land, sea and air; monitoring to be agreed; extendable by mutual consent.',
    aliases: [
      { name: '30-day ceasefire' },
      { name: 'the 30-day truce' },
      { name: '30-day truce' },
      { name: 'thirty-day ceasefire' },
      { name: 'the 30-day proposal' },
      { name: 'the truce' },
    ],
  },
  {
    key: 'prisoner-exchange',
    title: '1,000-for-1,000 prisoner exchange',
    summary:
      'Varnesia and Ostrelia agreed at talks in Aubrine to free 1,000 prisoners of war apiece, in stages observed by Montreval.',
    kind: 'exchange',
    status: 'accepted',
    proposedBy: ['montreval-government'],
    supporters: ['ostrelia-government', 'varnesia-government', 'pavel-ridan'],
    opponents: [],
    proposedOn: '2026-04-17',
    terms:
      '1,000 prisoners of war released by each side in stages of equal size, observed by the Federal Council of Montreval; first stage within ten days; lists exchanged 48 hours before each stage.',
    aliases: [
      { name: '1,000 for 1,000' },
      { name: '1,000-for-1,000 exchange' },
      { name: '1,000-for-1,000 swap' },
      { name: 'the prisoner exchange' },
      { name: 'the prisoner swap' },
    ],
  },
  {
    key: 'peace-memorandum',
    title: 'Varnesian peace memorandum',
    summary:
      'A memorandum, to be drafted by Varnesia and offered to Ostrelia, setting out the principles of a settlement and the conditions and timing of a possible ceasefire.',
    kind: 'agreement',
    status: 'proposed',
    proposedBy: ['anton-merel', 'varnesia-government'],
    supporters: ['corwin-ashdale', 'ingrid-sollberg'],
    opponents: ['ostrelia-government'],
    proposedOn: '2026-04-20',
    terms:
      'Principles of a settlement, the sequence of steps towards it, and the conditions and timing of a possible ceasefire; drafted by delegations and approved by the heads of state.',
    aliases: [
      { name: 'the memorandum' },
      { name: 'peace memorandum' },
      { name: 'the Korvath memorandum' },
      { name: 'memorandum on a future peace settlement' },
    ],
  },
  {
    key: 'leaders-summit',
    title: 'Leaders\' summit in Aubrine or at the White Cloister',
    summary:
      'A meeting of leaders and negotiating teams from Ostrelia, Varnesia, Caldoria and the Northern Union, proposed by Ostrelia, to be hosted by Montreval or by the Patriarchate of Saint Aurel.',
    kind: 'meeting',
    status: 'proposed',
    proposedBy: ['teodor-halvik', 'ostrelia-government'],
    supporters: ['montreval-government', 'patriarchate-saint-aurel', 'northern-union'],
    opponents: ['varnesia-government', 'kasimir-dravelin'],
    proposedOn: '2026-04-20',
    terms:
      'Leaders and negotiating teams of Ostrelia, Varnesia, Caldoria and the Northern Union; venue Aubrine (Montreval) or the White Cloister; date not set.',
    aliases: [
      { name: "the leaders' summit" },
      { name: 'the Aubrine summit' },
      { name: 'the White Cloister summit' },
      { name: 'four-way summit' },
      { name: 'the summit' },
    ],
  },
];

// ---------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------

const callStoryBody: string = [
  'PORT SABLE, Caldoria (Demo Wire) — Varnesian President Anton Merel said on Monday that Korvath was prepared to draft a memorandum setting out the principles of an eventual peace settlement with Ostrelia, after a telephone call with Caldorian President Corwin Ashdale that aides on both sides said ran for slightly more than two hours. Neither leader announced a halt to the fighting.',

  'Ashdale, posting on the Chorus social network minutes after the call ended, wrote that he had just spent two hours on the phone with Merel and that the conversation had been "productive, frank and long overdue." He added: "Varnesia and Ostrelia will now start talking about the terms of a truce. Caldoria will stay at the table for as long as it takes."',

  'Speaking to reporters at the Palace of Accords afterwards, Merel struck a more guarded tone. "We discussed the war openly and at length, and I would call the conversation useful," he said. "But silence on the front is the end of a road, not its beginning. First the principles must be written down, then the guns can fall silent."',

  'Merel said Varnesia was ready to hand Ostrelia a first draft within weeks and would consider a temporary ceasefire once what he called the main questions of a settlement had been agreed. He did not say what those questions were.',

  'He also rejected suggestions that Korvath had been slow to engage. "Varnesia has never turned down an offer of talks, not once, and it will not start now," Merel said. Last month the Palace of Accords declined an invitation from Ostrelian President Teodor Halvik to meet him in Aubrine, saying at the time that the conditions for such a meeting did not exist.',

  'The Varnesian leader\'s position falls short of the unconditional 30-day ceasefire that Port Sable put forward on March 9, that Lindmark accepted two days later and that the Northern Union has since endorsed. Ashdale\'s office later published a [readout of the call](https://example.org/caldoria/beacon-house/readout-2026-04-20) saying the two presidents had spoken for two hours and ten minutes and that their teams would "remain in close contact." It made no mention of the 30-day proposal.',

  'Two Caldorian officials, speaking on condition of anonymity because they were not authorized to discuss the call, said Ashdale had warned Merel that Caldoria could widen sanctions on Varnesia\'s banks if the talks stalled. The Caldorian president has threatened further penalties before without following through. His treasury secretary, Nathan Kell, said in a television interview on Sunday that Varnesia\'s earnings from oil exports had fallen by 38% last year and that Port Sable had "a second package ready to go" if diplomacy failed.',

  'On Monday evening the Palace of Accords published a two-page outline of the proposed memorandum. It says the parties "shall record in a memorandum the principles of a settlement, the sequence of steps leading to it, and the conditions and timing of a possible ceasefire." A source familiar with the talks said Korvath\'s draft was expected to include demands on Ostrelia\'s future military alliances and on the status of the Kesh region.',

  'Halvik, who spoke with Ashdale both before and after the Caldorian leader\'s call with Korvath, told a news conference in Lindmark that his government would study any Varnesian text but would not accept it in place of a truce.',

  '"We will read whatever Korvath sends us, line by line," Halvik said. "But paper does not stop drones. A ceasefire does, and we have been ready for one since March."',

  'The Ostrelian leader said he had proposed to Ashdale a meeting of leaders and negotiating teams from Ostrelia, Varnesia, Caldoria and the Northern Union, to be held either in Aubrine, the capital of neutral Montreval, or at the White Cloister, the seat of the Patriarchate of Saint Aurel.',

  'Montreval\'s Federal Council said in a statement that the country "stands ready to host any meeting that brings the parties closer to peace, at any level and at short notice." The White Cloister said separately that the Patriarch had offered the Patriarchate\'s guesthouse on Mount Aurel "to any delegation that comes to make peace rather than to be seen making it."',

  'In Korvath, presidential spokesman Kasimir Dravelin said talk of a summit was premature while the memorandum had not yet been written. "If Mr. Khalvik wants a summit, he should first want a document worth signing at one," Dravelin told reporters, using the Varnesian spelling of the Ostrelian president\'s name.',

  'The Varnesian leader said he and Ashdale had also discussed restoring direct flights between the two countries and returning ambassadors to Korvath and Port Sable once the war was over.',

  'The Caldorian president, asked at the Beacon House later on Monday whether he believed Merel was serious, said: "Both of them told me they want this finished. I take them at their word until they give me a reason not to."',

  'The call came hours after what Lindmark described as the heaviest aerial attack of the war. Varnesian forces launched 412 drones and decoys and nine cruise missiles at the Dravna, Kesh and Lower Marrow regions between Sunday evening and dawn on Monday, Ostrelia\'s air force said. It said air defenses had brought down 377 of the drones and all but two of the missiles.',

  'Public broadcaster Radio Television Ostrelia reported that at least 14 people were killed in Dravna, most of them in a residential building on the city\'s eastern edge. The figures could not be independently verified.',

  'Dravelin said Varnesian strikes had hit only military and energy sites used by the Ostrelian army. Images from Dravna reviewed by Demo Wire showed a nine-story apartment block with its top floors destroyed.',

  'Halvik\'s government pressed the point online. His foreign minister, Dana Voss, wrote on social media: "412 drones in a single night is not how a country prepares for peace. We ask our partners in the NU to answer with sanctions, not statements."',

  'Voss replaced Pavel Ridan as foreign minister in February. Ridan, now defense minister, led Ostrelia\'s delegation at Friday\'s talks in Aubrine, where the two sides agreed on a swap of 1,000 captives from each side. He told Radio Television Ostrelia on Sunday that the first prisoners under the 1,000-for-1,000 exchange could cross the front line within days.',

  'A joint protocol released by the Montrevalese hosts after the Aubrine meeting says the exchange will take place "in stages of equal size, under the observation of Montreval\'s Federal Council," with the first stage to be completed within ten days.',

  'Ingrid Sollberg, who chairs the Northern Union Council, wrote on Chorus: "The Northern Union will keep every sanction in place until the guns stop. A memorandum is welcome. A truce is overdue." Halvik\'s spokeswoman, Mira Solank, posted late on Monday that the two presidents had spoken again in the evening and that "Lindmark\'s position is unchanged: the 30-day ceasefire first, then talks on everything else."',

  'The war began in October 2023, when Varnesian troops crossed into the Kesh region after a dispute over dams on the Marrow river. A first round of talks in Aubrine in 2024 ended without agreement. Korvath has said any settlement must recognize what it calls its security interests in Kesh; Lindmark has said it will not give up territory.',
].join('\n\n');

const exchangeStoryBody: string = [
  'AUBRINE, Montreval (Demo Wire) — EMBARGOED: not for publication before 0600 GMT on Thursday, April 23.',

  'Varnesia and Ostrelia exchanged 250 prisoners of war each on Wednesday in the first stage of the 1,000-for-1,000 swap agreed in Aubrine last week, according to Montreval\'s Federal Council, which observed the handover at a crossing point in the Lower Marrow region.',

  '"Today 250 families have their sons and daughters back. There will be three more days like this one," Ostrelian Defense Minister Pavel Ridan said at the crossing.',

  'In Korvath, Kasimir Dravelin, the Varnesian presidential spokesman, said the exchange showed that direct contacts between the two governments were working and that a summit was not needed to make progress.',

  'A Montrevalese official involved in the handover, who asked not to be named, said the second stage was expected early next week, though the lists of names had not yet been finalized.',

  'The exchange is the first concrete result of talks that resumed this month after a break of more than a year. The 30-day ceasefire that Caldoria proposed in March has not been accepted by Korvath.',
].join('\n\n');

export const demoStories: DemoStory[] = [
  {
    slug: 'merel-ashdale-call-memorandum-no-truce',
    title: 'Merel offers peace memorandum after two-hour call with Ashdale, but no truce',
    standfirst:
      'Caldoria\'s president calls the conversation productive; Ostrelia\'s leader says paper does not stop drones and proposes a summit in Aubrine or at the White Cloister, hours after the heaviest air attack of the war.',
    body: callStoryBody,
    storyDate: '2026-04-20T19:30:00Z',
    dateline: 'PORT SABLE, Caldoria',
    outlet: 'Demo Wire',
    byline: 'Demo Wire staff',
    section: 'World',
    sourceUrl: 'https://example.org/wire/2026/04/20/merel-ashdale-call-memorandum',
    language: 'en',
    proposals: ['thirty-day-ceasefire', 'prisoner-exchange', 'peace-memorandum', 'leaders-summit'],
    publish: true,
    statements: [
      {
        text: 'Korvath was prepared to draft a memorandum setting out the principles of an eventual peace settlement with Ostrelia',
        kind: 'paraphrase',
        attribution: 'Varnesian President Anton Merel said on Monday',
        speaker: 'anton-merel',
        mentions: ['varnesia', 'ostrelia'],
        proposals: ['peace-memorandum'],
        saidAt: '2026-04-20T16:30:00Z',
        medium: 'press briefing',
      },
      {
        text: 'Just spent two hours on the phone with President Merel. Productive, frank and long overdue. Varnesia and Ostrelia will now start talking about the terms of a truce. Caldoria will stay at the table for as long as it takes.',
        kind: 'social_post',
        attribution: 'Ashdale, posting on the Chorus social network minutes after the call ended, wrote',
        speaker: 'corwin-ashdale',
        mentions: ['anton-merel', 'varnesia', 'ostrelia', 'caldoria'],
        proposals: ['thirty-day-ceasefire'],
        saidAt: '2026-04-20T15:12:00Z',
        medium: 'social media post',
        sourceUrl: 'https://example.com/chorus/corwinashdale/posts/88412',
      },
      {
        text: 'We discussed the war openly and at length, and I would call the conversation useful',
        kind: 'direct_quote',
        attribution: 'Speaking to reporters at the Palace of Accords afterwards, Merel',
        speaker: 'anton-merel',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T16:30:00Z',
        medium: 'press briefing',
      },
      {
        text: 'But silence on the front is the end of a road, not its beginning. First the principles must be written down, then the guns can fall silent.',
        kind: 'direct_quote',
        attribution: 'he said',
        speaker: 'anton-merel',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T16:31:00Z',
        medium: 'press briefing',
      },
      {
        text: 'Varnesia was ready to hand Ostrelia a first draft within weeks and would consider a temporary ceasefire once what he called the main questions of a settlement had been agreed',
        kind: 'paraphrase',
        attribution: 'Merel said',
        speaker: 'anton-merel',
        mentions: ['varnesia', 'ostrelia'],
        proposals: ['peace-memorandum'],
        saidAt: '2026-04-20T16:35:00Z',
        medium: 'press briefing',
      },
      {
        text: 'Varnesia has never turned down an offer of talks, not once, and it will not start now',
        kind: 'direct_quote',
        attribution: 'Merel said',
        speaker: 'anton-merel',
        mentions: ['varnesia'],
        proposals: [],
        saidAt: '2026-04-20T16:40:00Z',
        medium: 'press briefing',
        verification: 'false',
        evidence: [
          {
            url: 'https://example.org/archive/2026/03/12/palace-of-accords-declines-aubrine-invitation',
            title: 'Palace of Accords declines Halvik\'s invitation to meet in Aubrine',
            note: 'Varnesian government statement of March 12, 2026, turning down a leaders\' meeting proposed by Ostrelia.',
          },
          {
            url: 'https://example.org/archive/2024/11/05/korvath-walks-out-of-aubrine-talks',
            title: 'Varnesian delegation leaves the 2024 Aubrine talks and rejects a further round',
          },
        ],
      },
      {
        text: 'President Ashdale and President Merel spoke for two hours and ten minutes. The presidents agreed that their teams will remain in close contact and that Caldoria will continue to support direct talks between Varnesia and Ostrelia.',
        kind: 'document',
        attribution: "Ashdale's office later published a readout of the call",
        speaker: 'caldoria-government',
        mentions: ['corwin-ashdale', 'anton-merel', 'caldoria', 'varnesia', 'ostrelia'],
        proposals: [],
        saidAt: '2026-04-20T17:05:00Z',
        medium: 'readout',
        sourceUrl: 'https://example.org/caldoria/beacon-house/readout-2026-04-20',
      },
      {
        text: "Ashdale had warned Merel that Caldoria could widen sanctions on Varnesia's banks if the talks stalled",
        kind: 'claim',
        attribution:
          'Two Caldorian officials, speaking on condition of anonymity because they were not authorized to discuss the call, said',
        mentions: ['corwin-ashdale', 'anton-merel', 'caldoria', 'varnesia'],
        proposals: [],
      },
      {
        text: "Varnesia's earnings from oil exports had fallen by 38% last year",
        kind: 'claim',
        attribution: 'His treasury secretary, Nathan Kell, said in a television interview on Sunday',
        speaker: 'nathan-kell',
        mentions: ['varnesia'],
        proposals: [],
        saidAt: '2026-04-19T14:00:00Z',
        medium: 'TV interview',
        sourceUrl: 'https://example.org/caldoria/tv/sunday-forum/2026-04-19-kell',
        verification: 'mostly_accurate',
        evidence: [
          {
            url: 'https://example.org/data/varnesia-customs/oil-export-revenue-2025',
            title: 'Varnesian customs service: crude and product export revenue, 2024-2025',
            note: 'Official figures show a 34% fall; the 38% figure is a Caldorian Treasury estimate that also counts discounted sales through intermediaries.',
          },
        ],
      },
      {
        text: 'a second package ready to go',
        kind: 'direct_quote',
        attribution: 'His treasury secretary, Nathan Kell, said in a television interview on Sunday',
        speaker: 'nathan-kell',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-19T14:02:00Z',
        medium: 'TV interview',
        sourceUrl: 'https://example.org/caldoria/tv/sunday-forum/2026-04-19-kell',
      },
      {
        text: '1. The parties shall record in a memorandum the principles of a settlement, the sequence of steps leading to it, and the conditions and timing of a possible ceasefire. 2. The memorandum shall be drafted by delegations of the parties and submitted to their heads of state for approval. 3. Until the memorandum is approved, the parties shall refrain from public statements on its content.',
        kind: 'document',
        attribution: 'On Monday evening the Palace of Accords published a two-page outline of the proposed memorandum',
        speaker: 'varnesia-government',
        mentions: [],
        proposals: ['peace-memorandum'],
        saidAt: '2026-04-20T18:00:00Z',
        medium: 'document',
        sourceUrl: 'https://example.org/varnesia/palace-of-accords/memorandum-outline-2026-04-20',
      },
      {
        text: "Korvath's draft was expected to include demands on Ostrelia's future military alliances and on the status of the Kesh region",
        kind: 'claim',
        attribution: 'A source familiar with the talks said',
        mentions: ['varnesia', 'ostrelia'],
        proposals: ['peace-memorandum'],
      },
      {
        text: 'his government would study any Varnesian text but would not accept it in place of a truce',
        kind: 'paraphrase',
        attribution: 'Halvik, who spoke with Ashdale both before and after the Caldorian leader\'s call with Korvath, told a news conference in Lindmark',
        speaker: 'teodor-halvik',
        mentions: [],
        proposals: ['peace-memorandum', 'thirty-day-ceasefire'],
        saidAt: '2026-04-20T17:30:00Z',
        medium: 'news conference',
      },
      {
        text: 'We will read whatever Korvath sends us, line by line',
        kind: 'direct_quote',
        attribution: 'Halvik said',
        speaker: 'teodor-halvik',
        mentions: ['varnesia'],
        proposals: ['peace-memorandum'],
        saidAt: '2026-04-20T17:32:00Z',
        medium: 'news conference',
      },
      {
        text: 'But paper does not stop drones. A ceasefire does, and we have been ready for one since March.',
        kind: 'direct_quote',
        attribution: 'Halvik said',
        speaker: 'teodor-halvik',
        mentions: [],
        proposals: ['thirty-day-ceasefire'],
        saidAt: '2026-04-20T17:32:00Z',
        medium: 'news conference',
        verification: 'accurate',
        evidence: [
          {
            url: 'https://example.org/archive/2026/03/11/lindmark-accepts-30-day-ceasefire',
            title: 'Lindmark accepts Caldoria\'s 30-day ceasefire proposal',
            note: 'Ostrelian government statement of March 11, 2026, accepting the truce without conditions.',
          },
        ],
      },
      {
        text: 'he had proposed to Ashdale a meeting of leaders and negotiating teams from Ostrelia, Varnesia, Caldoria and the Northern Union, to be held either in Aubrine, the capital of neutral Montreval, or at the White Cloister, the seat of the Patriarchate of Saint Aurel',
        kind: 'paraphrase',
        attribution: 'The Ostrelian leader said',
        speaker: 'teodor-halvik',
        mentions: [
          'corwin-ashdale',
          'ostrelia',
          'varnesia',
          'caldoria',
          'northern-union',
          'montreval',
          'patriarchate-saint-aurel',
        ],
        proposals: ['leaders-summit'],
        saidAt: '2026-04-20T17:40:00Z',
        medium: 'news conference',
      },
      {
        text: 'stands ready to host any meeting that brings the parties closer to peace, at any level and at short notice',
        kind: 'direct_quote',
        attribution: "Montreval's Federal Council said in a statement",
        speaker: 'montreval-government',
        mentions: [],
        proposals: ['leaders-summit'],
        saidAt: '2026-04-20T18:15:00Z',
        medium: 'statement',
        sourceUrl: 'https://example.org/montreval/federal-council/statements/2026-04-20',
      },
      {
        text: "the Patriarch had offered the Patriarchate's guesthouse on Mount Aurel to any delegation that comes to make peace rather than to be seen making it",
        kind: 'paraphrase',
        attribution: 'The White Cloister said separately',
        speaker: 'patriarchate-saint-aurel',
        mentions: ['patriarch-evander'],
        proposals: ['leaders-summit'],
        saidAt: '2026-04-20T18:40:00Z',
        medium: 'statement',
        sourceUrl: 'https://example.org/white-cloister/press/2026-04-20',
      },
      {
        text: 'talk of a summit was premature while the memorandum had not yet been written',
        kind: 'paraphrase',
        attribution: 'In Korvath, presidential spokesman Kasimir Dravelin said',
        speaker: 'kasimir-dravelin',
        mentions: [],
        proposals: ['leaders-summit', 'peace-memorandum'],
        saidAt: '2026-04-20T18:20:00Z',
        medium: 'press briefing',
      },
      {
        text: 'If Mr. Khalvik wants a summit, he should first want a document worth signing at one',
        kind: 'direct_quote',
        attribution: 'Dravelin told reporters',
        speaker: 'kasimir-dravelin',
        mentions: ['teodor-halvik'],
        proposals: ['leaders-summit'],
        saidAt: '2026-04-20T18:22:00Z',
        medium: 'press briefing',
      },
      {
        text: 'he and Ashdale had also discussed restoring direct flights between the two countries and returning ambassadors to Korvath and Port Sable once the war was over',
        kind: 'paraphrase',
        attribution: 'The Varnesian leader said',
        speaker: 'anton-merel',
        mentions: ['corwin-ashdale', 'varnesia', 'caldoria'],
        proposals: [],
        saidAt: '2026-04-20T16:45:00Z',
        medium: 'press briefing',
      },
      {
        text: 'Both of them told me they want this finished. I take them at their word until they give me a reason not to.',
        kind: 'direct_quote',
        attribution: 'The Caldorian president, asked at the Beacon House later on Monday whether he believed Merel was serious, said',
        speaker: 'corwin-ashdale',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T19:00:00Z',
        medium: 'press remarks',
      },
      {
        text: 'Varnesian forces launched 412 drones and decoys and nine cruise missiles at the Dravna, Kesh and Lower Marrow regions between Sunday evening and dawn on Monday',
        kind: 'claim',
        attribution: "Ostrelia's air force said",
        speaker: 'ostrelian-air-force',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T06:30:00Z',
        medium: 'statement',
        sourceUrl: 'https://example.org/ostrelia/air-force/daily-report/2026-04-20',
      },
      {
        text: 'air defenses had brought down 377 of the drones and all but two of the missiles',
        kind: 'claim',
        attribution: 'It said',
        speaker: 'ostrelian-air-force',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T06:30:00Z',
        medium: 'statement',
        sourceUrl: 'https://example.org/ostrelia/air-force/daily-report/2026-04-20',
      },
      {
        text: "at least 14 people were killed in Dravna, most of them in a residential building on the city's eastern edge",
        kind: 'claim',
        attribution: 'Public broadcaster Radio Television Ostrelia reported',
        speaker: 'radio-television-ostrelia',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T11:00:00Z',
        medium: 'TV report',
        sourceUrl: 'https://example.org/rto/news/2026-04-20/dravna-strike',
      },
      {
        text: 'Varnesian strikes had hit only military and energy sites used by the Ostrelian army',
        kind: 'claim',
        attribution: 'Dravelin said',
        speaker: 'kasimir-dravelin',
        mentions: [],
        proposals: [],
        saidAt: '2026-04-20T18:25:00Z',
        medium: 'press briefing',
        verification: 'misleading',
        evidence: [
          {
            url: 'https://example.org/factcheck/2026/04/20/dravna-apartment-block',
            title: 'Ground and satellite images of the Dravna apartment block, April 20, 2026',
            note: 'A residential building with no known military use was hit; an electricity substation about 600 metres away was also struck, so the claim is true only in part.',
          },
        ],
      },
      {
        text: '412 drones in a single night is not how a country prepares for peace. We ask our partners in the NU to answer with sanctions, not statements.',
        kind: 'social_post',
        attribution: 'His foreign minister, Dana Voss, wrote on social media',
        speaker: 'dana-voss',
        mentions: ['northern-union'],
        proposals: [],
        saidAt: '2026-04-20T09:10:00Z',
        medium: 'social media post',
        sourceUrl: 'https://example.com/chorus/danavoss/posts/5520',
      },
      {
        text: 'the first prisoners under the 1,000-for-1,000 exchange could cross the front line within days',
        kind: 'paraphrase',
        attribution: 'He told Radio Television Ostrelia on Sunday',
        speaker: 'pavel-ridan',
        mentions: [],
        proposals: ['prisoner-exchange'],
        saidAt: '2026-04-19T18:00:00Z',
        medium: 'TV interview',
        sourceUrl: 'https://example.org/rto/interviews/2026-04-19/ridan',
      },
      {
        text: "The exchange of prisoners of war shall take place in stages of equal size, under the observation of Montreval's Federal Council. The first stage shall be completed within ten days of the signing of this protocol. Each party shall hand over the lists of the persons concerned no later than 48 hours before each stage.",
        kind: 'document',
        attribution: 'A joint protocol released by the Montrevalese hosts after the Aubrine meeting says',
        speaker: 'montreval-government',
        mentions: [],
        proposals: ['prisoner-exchange'],
        saidAt: '2026-04-17T16:00:00Z',
        medium: 'document',
        sourceUrl: 'https://example.org/montreval/federal-council/aubrine-protocol-2026-04-17',
      },
      {
        text: 'The Northern Union will keep every sanction in place until the guns stop. A memorandum is welcome. A truce is overdue.',
        kind: 'social_post',
        attribution: 'Ingrid Sollberg, who chairs the Northern Union Council, wrote on Chorus',
        speaker: 'ingrid-sollberg',
        mentions: ['northern-union'],
        proposals: ['peace-memorandum', 'thirty-day-ceasefire'],
        saidAt: '2026-04-20T18:50:00Z',
        medium: 'social media post',
        sourceUrl: 'https://example.com/chorus/isollberg/posts/3107',
      },
      {
        text: "President Halvik and President Ashdale spoke again this evening. Lindmark's position is unchanged: the 30-day ceasefire first, then talks on everything else.",
        kind: 'social_post',
        attribution: "Halvik's spokeswoman, Mira Solank, posted late on Monday",
        speaker: 'mira-solank',
        mentions: ['teodor-halvik', 'corwin-ashdale', 'ostrelia'],
        proposals: ['thirty-day-ceasefire'],
        saidAt: '2026-04-20T20:45:00Z',
        medium: 'social media post',
        sourceUrl: 'https://example.com/chorus/mirasolank/posts/9931',
      },
    ],
  },
  {
    slug: 'first-stage-prisoner-exchange-embargoed',
    title: 'Varnesia and Ostrelia swap 250 prisoners each in first stage of exchange',
    standfirst:
      'EMBARGOED. The handover, observed by Montreval, is the first concrete result of talks that resumed in Aubrine.',
    body: exchangeStoryBody,
    storyDate: '2026-04-22T15:00:00Z',
    dateline: 'AUBRINE, Montreval',
    outlet: 'Demo Wire',
    byline: 'Demo Wire staff',
    section: 'World',
    sourceUrl: 'https://example.org/wire/2026/04/23/first-stage-prisoner-exchange',
    language: 'en',
    proposals: ['prisoner-exchange', 'thirty-day-ceasefire'],
    publish: false,
    statements: [
      {
        text: 'Varnesia and Ostrelia exchanged 250 prisoners of war each on Wednesday in the first stage of the 1,000-for-1,000 swap agreed in Aubrine last week',
        kind: 'claim',
        attribution: "according to Montreval's Federal Council",
        speaker: 'montreval-government',
        mentions: ['varnesia', 'ostrelia', 'montreval'],
        proposals: ['prisoner-exchange'],
        saidAt: '2026-04-22T14:00:00Z',
        medium: 'statement',
        sourceUrl: 'https://example.org/montreval/federal-council/statements/2026-04-22',
      },
      {
        text: 'Today 250 families have their sons and daughters back. There will be three more days like this one',
        kind: 'direct_quote',
        attribution: 'Ostrelian Defense Minister Pavel Ridan said at the crossing',
        speaker: 'pavel-ridan',
        mentions: [],
        proposals: ['prisoner-exchange'],
        saidAt: '2026-04-22T12:30:00Z',
        medium: 'remarks to reporters',
      },
      {
        text: 'the exchange showed that direct contacts between the two governments were working and that a summit was not needed to make progress',
        kind: 'paraphrase',
        attribution: 'In Korvath, Kasimir Dravelin, the Varnesian presidential spokesman, said',
        speaker: 'kasimir-dravelin',
        mentions: [],
        proposals: ['prisoner-exchange', 'leaders-summit'],
        saidAt: '2026-04-22T13:15:00Z',
        medium: 'press briefing',
      },
    ],
  },
];

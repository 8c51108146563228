import { ACTOR_UID, ALIAS_COMPONENT, EVIDENCE_COMPONENT, POSITION_COMPONENT, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from './constants';

/**
 * The content-manager forms, in code so that every newsroom gets the same forms and a reviewer can
 * see a change to them in a diff. Field order follows how an editor works: what the item is, when
 * and where, then the body, then the links. Applied at every start (services/editor-forms.ts).
 */
export interface EditorField {
  label: string;
  description?: string;
  placeholder?: string;
  /** false for fields Newsgraph computes: shown, not editable. */
  editable?: boolean;
  /** For a relation: the target's field shown in the picker and the list. */
  mainField?: string;
  /** Whether the list view sorts on this column (a relation sorts on its main field). */
  sortable?: boolean;
}

export interface EditorForm {
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  /** Columns of the list view. */
  list: string[];
  /** Rows of the edit view: [field, width out of 12]. */
  edit: Array<Array<[string, number]>>;
  fields: Record<string, EditorField>;
}

export const EDITOR_FORMS: Record<string, EditorForm> = {
  [STORY_UID]: {
    mainField: 'title',
    defaultSortBy: 'storyDate',
    defaultSortOrder: 'DESC',
    list: ['title', 'storyDate', 'section', 'statements'],
    edit: [
      [['title', 12]],
      [['slug', 6], ['storyDate', 6]],
      [['standfirst', 12]],
      [['dateline', 4], ['byline', 4], ['outlet', 4]],
      [['section', 4], ['language', 4], ['sourceUrl', 4]],
      [['body', 12]],
      [['statements', 6], ['proposals', 6]],
      [['actors', 6]],
    ],
    fields: {
      title: { label: 'Headline', placeholder: 'Leaders agree to talks on a 30-day ceasefire' },
      slug: { label: 'URL slug', description: 'Made from the headline; fixed once the story is published.' },
      storyDate: { label: 'Story date', description: 'When the events happened. Role descriptors ("the foreign minister") are resolved on this date.' },
      standfirst: { label: 'Standfirst', description: 'The dek under the headline, at most 600 characters.' },
      dateline: { label: 'Dateline', placeholder: 'KYIV' },
      byline: { label: 'Byline' },
      outlet: { label: 'Outlet' },
      section: { label: 'Section' },
      language: { label: 'Language', description: 'BCP 47 tag: en, uk, fr-CA.' },
      sourceUrl: { label: 'Source URL', description: 'Where the story was published (http or https).' },
      body: { label: 'Body', description: 'Markdown. HTML is cleaned on save: no scripts, no event handlers, links http/https/mailto only.' },
      statements: { label: 'Statements', mainField: 'text' },
      proposals: { label: 'Proposals', mainField: 'title' },
      actors: { label: 'Actors', description: 'Kept up to date by Newsgraph from the statements\' speakers and mentions.', mainField: 'name' },
    },
  },
  [STATEMENT_UID]: {
    mainField: 'text',
    defaultSortBy: 'saidAt',
    defaultSortOrder: 'DESC',
    list: ['text', 'story', 'speaker', 'kind', 'checkWorthiness', 'verification'],
    edit: [
      [['story', 6], ['kind', 6]],
      [['text', 12]],
      [['attribution', 6], ['speaker', 6]],
      [['saidAt', 6], ['medium', 6]],
      [['sourceUrl', 6], ['mentions', 6]],
      [['proposals', 6], ['verification', 6]],
      [['checkWorthiness', 4], ['verifiedText', 8]],
      [['evidence', 12]],
      [['linkOverrides', 12]],
      [['linkState', 12]],
    ],
    fields: {
      story: { label: 'Story', mainField: 'title', sortable: true },
      kind: { label: 'Kind' },
      text: { label: 'Text', description: 'The words as published: a direct quote without its quotation marks, or the claim as one sentence.' },
      attribution: {
        label: 'Attribution',
        description: 'The words that identify the speaker in the copy, e.g. "Russian President Vladimir Putin said on Monday". Newsgraph resolves the speaker from them when Speaker is empty.',
        placeholder: 'the foreign minister said on Monday',
      },
      speaker: { label: 'Speaker', description: 'Leave empty to let Newsgraph resolve it from the attribution.', mainField: 'name' },
      saidAt: { label: 'Said at' },
      medium: { label: 'Medium', placeholder: 'press briefing, social media post, TV interview' },
      sourceUrl: { label: 'Source URL', description: 'The post, transcript or document the statement comes from (http or https).' },
      mentions: { label: 'Mentions', mainField: 'name' },
      proposals: { label: 'Proposals', mainField: 'title' },
      verification: { label: 'Verification' },
      checkWorthiness: { label: 'Check-worthiness', description: 'Computed by Newsgraph (0 to 1).', editable: false, sortable: true },
      verifiedText: {
        label: 'Verdict given on',
        description: 'Written by Newsgraph: the words the verification was given on. Changing the words sends the verification back to unverified.',
        editable: false,
      },
      evidence: { label: 'Evidence' },
      linkOverrides: {
        label: 'Link overrides',
        description: 'Actors an editor pinned or rejected, written by the Newsgraph panel: {"pin": [...], "reject": [...]} of actor documentIds.',
        editable: false,
      },
      linkState: {
        label: 'Linking',
        description: 'Written by Newsgraph: how the speaker was found, ambiguous names with their candidates, and whether linking failed (the statement is then relinked).',
        editable: false,
      },
    },
  },
  [ACTOR_UID]: {
    mainField: 'name',
    // The newsroom's own people and organizations first, the gazetteer's 250 countries last: kinds
    // descending read person, organization, media, institution, group, government, country. The
    // list's "Newsroom actors" / "Countries" buttons filter in one click (admin ActorListFilters).
    defaultSortBy: 'kind',
    defaultSortOrder: 'DESC',
    list: ['name', 'kind', 'country', 'statementsMade', 'mentionedIn'],
    edit: [
      [['name', 6], ['kind', 6]],
      [['slug', 6], ['affiliation', 6]],
      [['country', 4], ['wikidataId', 4]],
      [['description', 12]],
      [['aliases', 12]],
      [['positions', 12]],
      [['statementsMade', 6], ['mentionedIn', 6]],
      [['stories', 6]],
    ],
    fields: {
      name: { label: 'Name', description: 'The usual full name, e.g. Volodymyr Zelenskyy.' },
      kind: { label: 'Kind' },
      slug: { label: 'URL slug' },
      affiliation: { label: 'Affiliation', description: 'The organization the actor speaks for, e.g. a press secretary\'s government.', mainField: 'name' },
      country: { label: 'Country', description: 'ISO 3166-1 alpha-2 code, e.g. UA.' },
      wikidataId: {
        label: 'Wikidata id',
        description: 'The Wikidata item, e.g. Q3874799 (from the item\'s URL). Used for sameAs links; unique when set.',
        placeholder: 'Q42',
      },
      description: {
        label: 'Description',
        description: 'What the actor is, in its first words: a group described as "Sudanese paramilitary force" or "rebel movement" is then found as "the paramilitaries" or "the rebels" in a story that names it.',
        placeholder: 'Sudanese paramilitary force, at war with the army since 2023',
      },
      aliases: {
        label: 'Aliases',
        description: 'Every other way the copy writes this actor: spelling variants (Zelensky, Zelenskiy), other scripts, acronyms in capitals (EU), metonyms (Moscow, the Kremlin).',
      },
      positions: {
        label: 'Positions',
        description: 'Offices with their dates and the phrases the press uses for the holder ("the Ukrainian leader"), so a descriptor finds the right person on the story\'s date.',
      },
      statementsMade: { label: 'Statements made', mainField: 'text' },
      mentionedIn: { label: 'Mentioned in', mainField: 'text' },
      stories: { label: 'Stories', mainField: 'title' },
    },
  },
  [PROPOSAL_UID]: {
    mainField: 'title',
    defaultSortBy: 'proposedOn',
    defaultSortOrder: 'DESC',
    list: ['title', 'kind', 'status', 'proposedOn'],
    edit: [
      [['title', 12]],
      [['slug', 6], ['kind', 6]],
      [['status', 6], ['proposedOn', 6]],
      [['summary', 12]],
      [['terms', 12]],
      [['proposedBy', 6], ['supporters', 6]],
      [['opponents', 6], ['stories', 6]],
      [['statements', 6]],
      [['aliases', 12]],
    ],
    fields: {
      title: { label: 'Title', placeholder: '30-day ceasefire' },
      slug: { label: 'URL slug' },
      kind: { label: 'Kind' },
      status: { label: 'Status' },
      proposedOn: { label: 'Proposed on' },
      summary: { label: 'Summary' },
      terms: { label: 'Terms', placeholder: '30 days, unconditional' },
      proposedBy: { label: 'Proposed by', mainField: 'name' },
      supporters: { label: 'Supporters', mainField: 'name' },
      opponents: { label: 'Opponents', mainField: 'name' },
      stories: { label: 'Stories', mainField: 'title' },
      statements: { label: 'Statements', mainField: 'text' },
      aliases: { label: 'Aliases', description: 'Other names the copy uses for it: "the truce", "the 1,000-for-1,000 swap".' },
    },
  },
  [ALIAS_COMPONENT]: {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'language'],
    edit: [[['name', 6], ['language', 3], ['automatic', 3]]],
    fields: {
      name: { label: 'Alias', description: 'Written as in the copy. An alias in capitals (EU, US) only matches in capitals.' },
      language: { label: 'Language', description: 'Optional BCP 47 tag, e.g. uk for a Ukrainian spelling.' },
      automatic: {
        label: 'Added automatically',
        description: 'From the country data set (world-countries). Delete the alias to drop it: it is not added again.',
        editable: false,
      },
    },
  },
  [POSITION_COMPONENT]: {
    mainField: 'title',
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
    list: ['title', 'from', 'to'],
    edit: [
      [['title', 6], ['organization', 6]],
      [['from', 4], ['to', 4]],
      [['descriptors', 12]],
    ],
    fields: {
      title: { label: 'Title', placeholder: 'President of Ukraine' },
      organization: { label: 'Organization', mainField: 'name' },
      from: { label: 'From' },
      to: { label: 'To', description: 'Leave empty while the actor still holds the position.' },
      descriptors: {
        label: 'Descriptors',
        description: 'One phrase per line, as the press writes it: "the Ukrainian president", "Ukraine\'s leader".',
      },
    },
  },
  [EVIDENCE_COMPONENT]: {
    mainField: 'title',
    defaultSortBy: 'title',
    defaultSortOrder: 'ASC',
    list: ['title', 'url'],
    edit: [[['url', 6], ['title', 6]], [['note', 12]]],
    fields: {
      url: { label: 'URL', description: 'http or https.' },
      title: { label: 'Title' },
      note: { label: 'Note' },
    },
  },
};

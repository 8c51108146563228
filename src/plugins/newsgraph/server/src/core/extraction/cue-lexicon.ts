/**
 * The verbs that introduce what someone said, in the tradition of PARC (Pareti's Penn Attribution
 * Relation Corpus): verbs of speech, of writing and of statement. 73 lemmas; docs/extraction.md lists
 * them with the reasons for what is left out.
 *
 * Left out on purpose, because in news copy they more often introduce something other than words
 * said, and a suggestion the editor has to reject costs more than one they add by hand:
 * - belief and perception verbs (believe, think, feel, hope, fear, expect, know, see, find): PARC
 *   annotates beliefs, but a Statement is something said or written; "officials believe the port is
 *   mined" is nobody's statement;
 * - verbs with a non-speech sense that dominates in news (provide, address, call, describe, show,
 *   mean, raise, point, express, voice, offer, propose): "the ministry provided figures", "he
 *   addressed the assembly", "she called the talks" are not attributions;
 * - verbs of manner of speaking with no content of their own (speak, talk, discuss, chat).
 */

export type CueKind = 'speech' | 'writing' | 'social' | 'statement';

/** Lemma → what it says about the statement's medium. */
export const CUE_LEMMAS: ReadonlyMap<string, CueKind> = new Map<string, CueKind>([
  // speech verbs
  ['say', 'speech'], ['tell', 'speech'], ['add', 'speech'], ['ask', 'speech'], ['reply', 'speech'],
  ['respond', 'speech'], ['answer', 'speech'], ['explain', 'speech'], ['repeat', 'speech'], ['reiterate', 'speech'],
  ['recall', 'speech'], ['remark', 'speech'], ['comment', 'speech'], ['mention', 'speech'], ['joke', 'speech'],
  ['shout', 'speech'], ['testify', 'speech'], ['quip', 'speech'], ['retort', 'speech'],
  ['inform', 'speech'], ['assure', 'speech'], ['remind', 'speech'], ['brief', 'speech'],
  // statement verbs
  ['announce', 'statement'], ['claim', 'statement'], ['deny', 'statement'], ['insist', 'statement'], ['warn', 'statement'],
  ['state', 'statement'], ['declare', 'statement'], ['note', 'statement'], ['argue', 'statement'], ['assert', 'statement'],
  ['acknowledge', 'statement'], ['admit', 'statement'], ['confirm', 'statement'], ['concede', 'statement'], ['contend', 'statement'],
  ['maintain', 'statement'], ['allege', 'statement'], ['stress', 'statement'], ['emphasize', 'statement'], ['emphasise', 'statement'],
  ['underline', 'statement'], ['reveal', 'statement'], ['disclose', 'statement'], ['predict', 'statement'], ['promise', 'statement'],
  ['pledge', 'statement'], ['vow', 'statement'], ['threaten', 'statement'], ['urge', 'statement'], ['suggest', 'statement'],
  ['indicate', 'statement'], ['estimate', 'statement'], ['complain', 'statement'], ['caution', 'statement'], ['boast', 'statement'],
  ['conclude', 'statement'], ['affirm', 'statement'], ['reaffirm', 'statement'], ['demand', 'statement'], ['accuse', 'statement'],
  ['agree', 'statement'], ['object', 'statement'], ['counter', 'statement'],
  // writing verbs
  ['write', 'writing'], ['report', 'writing'], ['publish', 'writing'], ['quote', 'writing'], ['cite', 'writing'],
  // posts
  ['post', 'social'], ['tweet', 'social'],
]);

/** Irregular forms that the regular rules below do not make. */
const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'written', 'write'],
  testify: ['testified', 'testifies', 'testifying'],
  reply: ['replied', 'replies', 'replying'],
  deny: ['denied', 'denies', 'denying', 'deny'],
  admit: ['admitted', 'admits', 'admitting'],
  quip: ['quipped', 'quips', 'quipping'],
  object: ['objected'],
  brief: ['briefed'],
};

/** Third-person forms that are more often plural nouns ("the claims", "the reports"). */
const NOUN_LIKE_S_FORMS = new Set([
  'claims', 'reports', 'posts', 'tweets', 'states', 'notes', 'answers', 'comments', 'promises', 'pledges', 'vows',
  'estimates', 'demands', 'quotes', 'stresses', 'counters', 'remarks', 'jokes', 'mentions', 'objects', 'briefs',
  'replies', 'cautions', 'threatens', 'concedes',
]);

/** Uninflected forms that wire copy uses as verbs after a plural subject ("officials say"). */
const BASE_FORMS_ALLOWED = new Set(['say', 'tell', 'warn', 'insist', 'argue', 'claim', 'deny', 'contend', 'allege', 'add', 'note', 'agree', 'acknowledge', 'write', 'report', 'predict', 'estimate', 'suggest', 'complain', 'maintain', 'admit', 'confirm', 'stress']);

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const sibilant = /(?:s|sh|ch|x|z)$/.test(lemma);
  return [lemma, `${stem}ed`, sibilant ? `${lemma}es` : `${lemma}s`, `${stem}ing`];
}

const FORMS = new Map<string, string>();
for (const lemma of CUE_LEMMAS.keys()) {
  for (const form of [...regularForms(lemma), ...(IRREGULAR[lemma] ?? [])]) if (!FORMS.has(form)) FORMS.set(form, lemma);
}
// regularForms makes a few non-words (saied, telled, writeed...); they never occur, so they do no harm.

/** The lemma of a cue verb form (lower case), or undefined. */
export function cueLemma(lowerWord: string): string | undefined {
  return FORMS.get(lowerWord);
}

/** Whether a third-person form is as likely a plural noun ("reports", "claims"). */
export function isNounLikeForm(lowerWord: string): boolean {
  return NOUN_LIKE_S_FORMS.has(lowerWord);
}

/** Whether an uninflected form ("say", "warn") may be read as a cue at all. */
export function isAllowedBaseForm(lowerWord: string): boolean {
  return BASE_FORMS_ALLOWED.has(lowerWord);
}

/** The medium a cue lemma implies. */
export function cueKindOf(lemma: string): CueKind {
  return CUE_LEMMAS.get(lemma) ?? 'speech';
}

/** Lemmas whose object is the person addressed, not the content: "told reporters", "assured allies". */
export const ADDRESSEE_LEMMAS = new Set(['tell', 'inform', 'assure', 'remind', 'brief', 'urge', 'warn', 'ask', 'accuse']);

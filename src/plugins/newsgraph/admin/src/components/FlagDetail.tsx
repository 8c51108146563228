import { Alert, Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { VERDICTS, TEXT_CHANGED_AFTER_VERDICT, type FlagDetail as Flag, type ActionResult, type EarlierVerdict } from '../api';
import { sameVerdictText } from '../../../server/src/core/flags/review-workflow';
import { useTranslate, type TranslationKey } from '../useTranslate';
import { TextDiff } from './TextDiff';

type Action = 'claim' | 'resolve' | 'dismiss' | 'reopen';

interface Props {
  flag: Flag;
  canReview: boolean;
  /** Runs an action on the version shown; the page reloads the flag and the queue after it. */
  onAction(action: Action, body: Record<string, unknown>): Promise<ActionResult>;
}

/** The story's sentence, the statement's words marked: built from text nodes, never from HTML. */
function Sentence({ sentence, quote }: { sentence: string; quote: { start: number; end: number } | null }) {
  if (!quote) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, quote.start)}
      <mark>{sentence.slice(quote.start, quote.end)}</mark>
      {sentence.slice(quote.end)}
    </>
  );
}

const name = (person: { firstname: string | null; lastname: string | null } | null) => (person ? [person.firstname, person.lastname].filter(Boolean).join(' ') : '');

/** Evidence links, one per line: "https://... optional title". */
function readEvidence(text: string): Array<{ url: string; title?: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...title] = line.split(/\s+/);
      return title.length ? { url: url!, title: title.join(' ') } : { url: url! };
    });
}

/**
 * One flag: its statement, story and speaker, why it was raised, its history, and what a
 * fact-checker can do with it. All text is rendered as text: React escapes it, and nothing here
 * sets HTML.
 */
export function FlagDetail({ flag, canReview, onAction }: Props) {
  const { t, formatDate } = useTranslate();
  const [form, setForm] = useState<Action | null>(null);
  const [verdict, setVerdict] = useState<string>('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = flag.status === 'open' || flag.status === 'in_review';
  // A verdict stays visible after its words changed, marked as given on earlier text.
  const verdictOnEarlierText = Boolean(flag.verdict && flag.textAtResolution !== null && flag.statement && !sameVerdictText(flag.textAtResolution, flag.statement.text));

  async function run(action: Action, body: Record<string, unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await onAction(action, { version: flag.version, ...body });
      if (result.ok) {
        setForm(null);
        setNote('');
        setEvidence('');
        setVerdict('');
      } else if (!result.conflict) {
        setProblem(result.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box padding={6} background="neutral0" hasRadius shadow="tableShadow" data-testid="flag-detail">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex gap={2} wrap="wrap">
          <Badge>{t(`kind.${flag.kind}` as TranslationKey)}</Badge>
          <Badge>{t(`severity.${flag.severity}` as TranslationKey)}</Badge>
          <Badge data-testid="flag-status">{t(`status.${flag.status}` as TranslationKey)}</Badge>
          {flag.assignee ? <Typography variant="pi">{t('detail.assignee', { name: name(flag.assignee) })}</Typography> : null}
        </Flex>
        <Box>
          <Typography variant="sigma" textColor="neutral600">{t('detail.statement')}</Typography>
          <Box paddingTop={1}>
            <Typography tag="blockquote" variant="omega" data-testid="flag-statement">{flag.statement?.text ?? t('detail.statementGone')}</Typography>
          </Box>
          <Typography variant="pi" textColor="neutral600">
            {[flag.statement?.speaker?.name ?? t('detail.noSpeaker'), flag.statement?.attribution, flag.story?.title].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
        <Box data-testid="flag-sentence">
          <Typography variant="sigma" textColor="neutral600">{t('detail.inStory')}</Typography>
          <Typography tag="p" variant="pi">
            {flag.context.story ? <Sentence sentence={flag.context.story.sentence} quote={flag.context.story.quote} /> : t('detail.notInStory')}
          </Typography>
          {flag.context.story && !flag.context.story.quote ? <Typography tag="p" variant="pi" textColor="danger600">{t('detail.wordsDiffer')}</Typography> : null}
        </Box>
        <Box>
          <Typography variant="sigma" textColor="neutral600">{t('detail.mentions')}</Typography>
          <Typography tag="p" variant="pi">{flag.context.mentions.length ? flag.context.mentions.map((actor) => actor.name).join(', ') : t('detail.noMentions')}</Typography>
        </Box>
        <Flex gap={6} wrap="wrap" alignItems="start">
          <Box>
            <Typography variant="sigma" textColor="neutral600">{t('detail.reason')}</Typography>
            <Typography tag="p">{flag.reason}</Typography>
          </Box>
          <Box>
            <Typography variant="sigma" textColor="neutral600">{t('detail.score')}</Typography>
            <Typography tag="p">{flag.score === null ? '–' : Number(flag.score).toFixed(2)}</Typography>
            {flag.context.scoreReasons.length ? (
              <Box tag="ul" data-testid="score-reasons">
                {flag.context.scoreReasons.map((reason) => (
                  <Box tag="li" key={reason}><Typography variant="pi">{reason}</Typography></Box>
                ))}
              </Box>
            ) : null}
          </Box>
          <Box>
            <Typography variant="sigma" textColor="neutral600">{t('detail.verification')}</Typography>
            <Typography tag="p" data-testid="flag-verification">{flag.statement?.verification ? t(`verdict.${flag.statement.verification}` as TranslationKey) : '–'}</Typography>
          </Box>
        </Flex>
        {flag.verdict ? (
          <Box data-testid="flag-verdict">
            <Typography variant="sigma" textColor="neutral600">{t('detail.verdict')}</Typography>
            <Typography tag="p">{t(`verdict.${flag.verdict}` as TranslationKey)}{flag.note ? ` – ${flag.note}` : ''}</Typography>
            {verdictOnEarlierText ? (
              <Box data-testid="verdict-on-earlier-text">
                <Badge>{t('detail.onEarlierText')}</Badge>
                <TextDiff before={flag.textAtResolution ?? ''} after={flag.statement?.text ?? ''} label={t('detail.textDiff')} />
              </Box>
            ) : null}
            {(flag.evidence ?? []).map((item) => (
              <Typography key={item.url} tag="p" variant="pi">{item.title ? `${item.title}: ${item.url}` : item.url}</Typography>
            ))}
          </Box>
        ) : null}

        {flag.context.speakerVerdicts.length ? (
          <Box data-testid="speaker-verdicts">
            <Typography variant="sigma" textColor="neutral600">{t('detail.speakerVerdicts')}</Typography>
            {flag.context.speakerVerdicts.map((item) => (
              <Typography key={`${item.resolvedAt}-${item.text}`} tag="p" variant="pi">
                {t(`verdict.${item.verdict}` as TranslationKey)}: {item.text}
              </Typography>
            ))}
          </Box>
        ) : null}

        {flag.kind === 'repeats_checked_claim' && flag.earlierVerdicts?.length ? (
          <Box data-testid="earlier-verdicts">
            <Typography variant="sigma" textColor="neutral600">{t('detail.earlierVerdicts')}</Typography>
            <Box tag="ol" paddingTop={2}>
              {flag.earlierVerdicts.map((item: EarlierVerdict) => (
                <Box tag="li" key={`${item.source}:${item.documentId}`} paddingBottom={2} data-testid="earlier-verdict">
                  <Typography tag="p" variant="omega">“{item.text}”</Typography>
                  <Typography tag="p" variant="pi" textColor="neutral600">
                    {t('detail.earlierVerdict', { rating: item.rating, by: item.publisher ?? t('detail.thisNewsroom'), similarity: item.similarity.toFixed(2), date: item.date ?? '–' })}
                    {item.url ? ` · ${item.url}` : ''}
                  </Typography>
                  {canReview && open ? (
                    <Button size="S" variant="success" disabled={busy} onClick={() => run('resolve', { apply: { source: item.source, documentId: item.documentId }, text: flag.statement?.text })}>
                      {t('action.applyEarlier')}
                    </Button>
                  ) : null}
                </Box>
              ))}
            </Box>
            {canReview && open ? (
              <Button variant="tertiary" disabled={busy} onClick={() => run('dismiss', { notSameClaim: true })}>{t('action.notSameClaim')}</Button>
            ) : null}
          </Box>
        ) : null}

        {problem ? (
          <Alert variant="danger" closeLabel={t('action.close')} onClose={() => setProblem(null)} title={t('error.action')}>
            {problem}
          </Alert>
        ) : null}

        {canReview ? (
          <Flex gap={2} wrap="wrap">
            {open ? <Button disabled={busy} onClick={() => run('claim', {})}>{t('action.claim')}</Button> : null}
            {open ? <Button variant="success" disabled={busy} onClick={() => setForm('resolve')}>{t('action.resolve')}</Button> : null}
            {open ? <Button variant="tertiary" disabled={busy} onClick={() => setForm('dismiss')}>{t('action.dismiss')}</Button> : null}
            {!open ? <Button variant="secondary" disabled={busy} onClick={() => setForm('reopen')}>{t('action.reopen')}</Button> : null}
          </Flex>
        ) : null}

        {form === 'resolve' ? (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="resolve-form">
            <Field.Root name="verdict" required>
              <Field.Label>{t('form.verdict')}</Field.Label>
              <SingleSelect value={verdict} onChange={(value: string | number) => setVerdict(String(value))} placeholder={t('form.chooseVerdict')}>
                {VERDICTS.map((value) => (
                  <SingleSelectOption key={value} value={value}>{t(`verdict.${value}` as TranslationKey)}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="note">
              <Field.Label>{t('form.note')}</Field.Label>
              <Textarea value={note} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
            </Field.Root>
            <Field.Root name="evidence" hint={t('form.evidenceHint')}>
              <Field.Label>{t('form.evidence')}</Field.Label>
              <Textarea value={evidence} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setEvidence(event.target.value)} />
              <Field.Hint />
            </Field.Root>
            <Flex gap={2}>
              <Button variant="success" disabled={busy || !verdict} onClick={() => run('resolve', { verdict, note, evidence: readEvidence(evidence), text: flag.statement?.text })}>{t('action.saveVerdict')}</Button>
              <Button variant="tertiary" onClick={() => setForm(null)}>{t('action.cancel')}</Button>
            </Flex>
          </Flex>
        ) : null}

        {form === 'dismiss' || form === 'reopen' ? (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid={`${form}-form`}>
            <Field.Root name="note" required={form === 'dismiss'}>
              <Field.Label>{t(form === 'dismiss' ? 'form.dismissReason' : 'form.reopenNote')}</Field.Label>
              <Textarea value={note} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
            </Field.Root>
            <Flex gap={2}>
              <Button disabled={busy || (form === 'dismiss' && !note.trim())} onClick={() => run(form, { note })}>{t(form === 'dismiss' ? 'action.confirmDismiss' : 'action.confirmReopen')}</Button>
              <Button variant="tertiary" onClick={() => setForm(null)}>{t('action.cancel')}</Button>
            </Flex>
          </Flex>
        ) : null}

        <Box>
          <Typography variant="sigma" textColor="neutral600">{t('detail.history')}</Typography>
          <Box tag="ol" paddingTop={2} data-testid="flag-history">
            {flag.events.map((event, index) => (
              <Box tag="li" key={`${event.createdAt}-${index}`} paddingBottom={2}>
                <Typography variant="pi">
                  {t('history.entry', {
                    when: formatDate(event.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    from: event.from ? t(`status.${event.from}` as TranslationKey) : t('history.created'),
                    to: t(`status.${event.to}` as TranslationKey),
                    who: name(event.actor) || t('history.system'),
                  })}
                </Typography>
                {event.note ? <Typography tag="p" variant="pi" textColor="neutral600">{event.note === TEXT_CHANGED_AFTER_VERDICT ? t('history.textChanged') : event.note}</Typography> : null}
                {event.verdict && event.judgedText !== null && event.changedText === null ? (
                  <Typography tag="p" variant="pi" textColor="neutral600">{t('history.verdictOn', { verdict: t(`verdict.${event.verdict}` as TranslationKey), text: event.judgedText })}</Typography>
                ) : null}
                {event.judgedText !== null && event.changedText !== null ? (
                  <Box data-testid="history-text-change">
                    {event.verdict ? <Typography tag="p" variant="pi">{t('history.earlierVerdict', { verdict: t(`verdict.${event.verdict}` as TranslationKey) })}</Typography> : null}
                    <TextDiff before={event.judgedText} after={event.changedText} label={t('detail.textDiff')} />
                  </Box>
                ) : null}
              </Box>
            ))}
          </Box>
        </Box>
      </Flex>
    </Box>
  );
}

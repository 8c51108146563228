import { Badge, Box, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Fragment, useState } from 'react';
import type { StatementSuggestion } from '../../../server/src/services/statement-suggestions';
import { errorMessage } from '../api';
import { useTranslate, type TranslationKey } from '../useTranslate';

const STATEMENTS = '/content-manager/collection-types/api::statement.statement';
const KINDS = ['direct_quote', 'paraphrase', 'claim', 'social_post', 'document'] as const;

/** The sentence with the suggestion's content marked, and its cue and source underlined. */
function MarkedSentence({ suggestion }: { suggestion: StatementSuggestion }) {
  const { sentence, content, cue, source } = suggestion;
  const marks = [
    { span: content, style: { background: '#eaf5ff', fontWeight: 600 } as const, role: 'content' },
    ...(cue ? [{ span: cue, style: { textDecoration: 'underline dotted' } as const, role: 'cue' }] : []),
    ...(source ? [{ span: source, style: { textDecoration: 'underline' } as const, role: 'source' }] : []),
  ]
    .filter((mark) => mark.span.start >= 0 && mark.span.end <= sentence.length && mark.span.start < mark.span.end)
    .sort((a, b) => a.span.start - b.span.start);
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.span.start < at) continue; // overlapping marks: the first wins
    parts.push(<Fragment key={`t${at}`}>{sentence.slice(at, mark.span.start)}</Fragment>);
    parts.push(<mark key={`m${mark.span.start}`} data-role={mark.role} style={{ ...mark.style, color: 'inherit' }}>{sentence.slice(mark.span.start, mark.span.end)}</mark>);
    at = mark.span.end;
  }
  parts.push(<Fragment key="rest">{sentence.slice(at)}</Fragment>);
  return <Typography variant="omega" tag="p">{parts}</Typography>;
}

interface Draft {
  text: string;
  kind: string;
  attribution: string;
  /** The speaker the suggestion resolved, given with the statement: "he said" names nobody the linker could find again. */
  speaker: string | null;
}

/**
 * "Suggest statements" in the story's side panel: the statements the body holds and the story
 * does not, each to accept (which creates the Statement through the content manager, so its
 * permissions and the plugin's linking and flags apply as to any save), edit then accept, or
 * reject (remembered for this story). "Accept all from …" takes one speaker's at once.
 */
export function StatementSuggestions({ storyDocumentId, onAccepted }: { storyDocumentId: string; onAccepted: () => void }) {
  const { t } = useTranslate();
  const { post } = useFetchClient();
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<StatementSuggestion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ key: string; draft: Draft } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function load() {
    setLoading(true);
    setProblem(null);
    try {
      setSuggestions((await post<{ data: StatementSuggestion[] }>(`/newsgraph/stories/${storyDocumentId}/suggest-statements`, {})).data.data);
      setOpen(true);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setLoading(false);
    }
  }

  const drop = (keys: string[]) => setSuggestions((current) => (current ?? []).filter((suggestion) => !keys.includes(suggestion.key)));

  async function accept(items: Array<{ key: string; draft: Draft }>) {
    setBusy(items.length === 1 ? items[0]!.key : 'many');
    setProblem(null);
    const done: string[] = [];
    try {
      for (const { key, draft } of items) {
        await post(STATEMENTS, {
          text: draft.text,
          kind: draft.kind,
          attribution: draft.attribution,
          story: { connect: [{ documentId: storyDocumentId }] },
          ...(draft.speaker ? { speaker: { connect: [{ documentId: draft.speaker }] } } : {}),
        });
        done.push(key);
      }
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      drop(done);
      setEditing(null);
      setBusy(null);
      if (done.length > 0) onAccepted();
    }
  }

  async function reject(suggestion: StatementSuggestion) {
    setBusy(suggestion.key);
    try {
      await post(`/newsgraph/stories/${storyDocumentId}/suggestions/reject`, { text: suggestion.text });
      drop([suggestion.key]);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  const draftOf = (suggestion: StatementSuggestion): Draft => ({ text: suggestion.text, kind: suggestion.kind, attribution: suggestion.attribution, speaker: suggestion.speaker?.documentId ?? null });
  const speakers = [...new Map((suggestions ?? []).filter((s) => s.speaker).map((s) => [s.speaker!.documentId, s.speaker!.name])).entries()];

  return (
    <Box>
      <Button variant="secondary" fullWidth loading={loading} onClick={load} data-testid="suggest-statements">{t('suggest.button')}</Button>
      {problem && !open ? <Typography variant="pi" textColor="danger600">{problem}</Typography> : null}
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Content style={{ maxWidth: '64rem', width: '90vw' }}>
          <Modal.Header>
            <Modal.Title>{t('suggest.title', { count: suggestions?.length ?? 0 })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4} data-testid="suggestion-list">
              {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
              {suggestions && suggestions.length === 0 ? <Typography>{t('suggest.none')}</Typography> : null}
              {speakers.length > 1 ? (
                <Flex gap={2} wrap="wrap">
                  {speakers.map(([id, name]) => (
                    <Button
                      key={id}
                      size="S"
                      variant="tertiary"
                      disabled={busy !== null}
                      data-testid="accept-speaker"
                      onClick={() => accept((suggestions ?? []).filter((s) => s.speaker?.documentId === id).map((s) => ({ key: s.key, draft: draftOf(s) })))}
                    >
                      {t('suggest.acceptSpeaker', { name })}
                    </Button>
                  ))}
                </Flex>
              ) : null}
              {(suggestions ?? []).map((suggestion) => (
                <Box key={suggestion.key} padding={3} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" data-testid="suggestion">
                  <Flex justifyContent="space-between" gap={2} paddingBottom={2}>
                    <Flex gap={2}>
                      <Badge>{t(`statementKind.${suggestion.kind}` as TranslationKey)}</Badge>
                      <Typography variant="pi" fontWeight="semiBold" data-testid="suggestion-speaker">
                        {suggestion.speaker ? suggestion.speaker.name : suggestion.sourceText ? t('suggest.unresolved', { source: suggestion.sourceText }) : t('suggest.noSource')}
                      </Typography>
                    </Flex>
                    <Flex gap={1}>
                      <Button size="S" disabled={busy !== null} loading={busy === suggestion.key} onClick={() => accept([{ key: suggestion.key, draft: draftOf(suggestion) }])} data-testid="accept-suggestion">{t('suggest.accept')}</Button>
                      <Button size="S" variant="secondary" disabled={busy !== null} onClick={() => setEditing({ key: suggestion.key, draft: draftOf(suggestion) })} data-testid="edit-suggestion">{t('suggest.edit')}</Button>
                      <Button size="S" variant="danger-light" disabled={busy !== null} onClick={() => reject(suggestion)} data-testid="reject-suggestion">{t('suggest.reject')}</Button>
                    </Flex>
                  </Flex>
                  <MarkedSentence suggestion={suggestion} />
                  {editing?.key === suggestion.key ? (
                    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
                      <Field.Root name="text">
                        <Field.Label>{t('suggest.text')}</Field.Label>
                        <Textarea value={editing.draft.text} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setEditing({ key: suggestion.key, draft: { ...editing.draft, text: event.target.value } })} data-testid="suggestion-text" />
                      </Field.Root>
                      <Flex gap={2} alignItems="flex-end">
                        <Field.Root name="kind">
                          <Field.Label>{t('suggest.kind')}</Field.Label>
                          <SingleSelect value={editing.draft.kind} onChange={(value: string | number) => setEditing({ key: suggestion.key, draft: { ...editing.draft, kind: String(value) } })}>
                            {KINDS.map((kind) => <SingleSelectOption key={kind} value={kind}>{t(`statementKind.${kind}` as TranslationKey)}</SingleSelectOption>)}
                          </SingleSelect>
                        </Field.Root>
                        <Box flex="1">
                          <Field.Root name="attribution">
                            <Field.Label>{t('suggest.attribution')}</Field.Label>
                            <TextInput value={editing.draft.attribution} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEditing({ key: suggestion.key, draft: { ...editing.draft, attribution: event.target.value } })} />
                          </Field.Root>
                        </Box>
                        <Button disabled={busy !== null} onClick={() => accept([editing])} data-testid="accept-edited">{t('suggest.acceptEdited')}</Button>
                      </Flex>
                    </Flex>
                  ) : null}
                </Box>
              ))}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('suggest.close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </Box>
  );
}

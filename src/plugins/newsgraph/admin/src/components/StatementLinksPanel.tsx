import { Alert, Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { useTranslate, type TranslationKey } from '../useTranslate';

interface NamedActor {
  documentId: string;
  name: string;
}

interface StatementLinks {
  documentId: string;
  status: string | null;
  speaker: NamedActor | null;
  mentions: NamedActor[];
  proposals: Array<{ documentId: string; title: string }>;
  overrides: { pin: string[]; reject: string[]; rejectProposals: string[] };
  pinned: NamedActor[];
  rejected: NamedActor[];
  ambiguous: Array<{ field: string; phrase: string; candidates: NamedActor[] }>;
  openFlags: Array<{ documentId: string; kind: string; severity: string; status: string; reason: string | null }>;
  quoteInStory: boolean | null;
}

/**
 * The statement's links as the plugin resolved them, and the editor's corrections: "Pin" keeps an
 * actor linked whatever the linker finds, "Reject" keeps it unlinked, and a candidate of an
 * ambiguous alias can be chosen (pinned). Corrections are written with the statement's
 * linkOverrides (PUT /newsgraph/statements/:id/link-overrides) and survive every relink.
 */
function StatementLinksContent({ documentId }: { documentId: string }) {
  const { t } = useTranslate();
  const { get, put } = useFetchClient();
  const [links, setLinks] = useState<StatementLinks | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLinks((await get<{ data: StatementLinks }>(`/newsgraph/statements/${documentId}/links`)).data.data);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }, [get, documentId]);

  useEffect(() => {
    load();
  }, [load]);

  async function correct(actorId: string, change: 'pin' | 'reject' | 'clear') {
    if (!links) return;
    const pin = links.overrides.pin.filter((id) => id !== actorId);
    const reject = links.overrides.reject.filter((id) => id !== actorId);
    if (change === 'pin') pin.push(actorId);
    if (change === 'reject') reject.push(actorId);
    try {
      await put(`/newsgraph/statements/${documentId}/link-overrides`, { pin, reject, rejectProposals: links.overrides.rejectProposals });
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
    await load();
  }

  if (!links) return problem ? <Typography textColor="danger600">{problem}</Typography> : <Typography variant="pi">{t('panel.loading')}</Typography>;

  const isPinned = (id: string) => links.overrides.pin.includes(id);
  const actorRow = (actor: NamedActor, role: string) => (
    <Flex key={`${role}-${actor.documentId}`} justifyContent="space-between" gap={2} paddingBottom={1} data-testid={`link-${role}`}>
      <Typography variant="omega">
        {actor.name} {isPinned(actor.documentId) ? <Badge>{t('panel.pinned')}</Badge> : null}
      </Typography>
      <Flex gap={1}>
        {isPinned(actor.documentId) ? (
          <Button size="S" variant="tertiary" onClick={() => correct(actor.documentId, 'clear')}>{t('panel.unpin')}</Button>
        ) : (
          <Button size="S" variant="tertiary" onClick={() => correct(actor.documentId, 'pin')}>{t('panel.pin')}</Button>
        )}
        <Button size="S" variant="danger-light" onClick={() => correct(actor.documentId, 'reject')}>{t('panel.reject')}</Button>
      </Flex>
    </Flex>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="statement-links-panel">
      {problem ? (
        <Alert variant="danger" closeLabel={t('action.close')} onClose={() => setProblem(null)} title={t('error.action')}>
          {problem}
        </Alert>
      ) : null}
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('panel.speaker')}</Typography>
        {links.speaker ? actorRow(links.speaker, 'speaker') : <Typography tag="p" variant="pi">{t('panel.noSpeaker')}</Typography>}
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('panel.mentions')}</Typography>
        {links.mentions.length ? links.mentions.map((actor) => actorRow(actor, 'mention')) : <Typography tag="p" variant="pi">{t('detail.noMentions')}</Typography>}
      </Box>
      {links.proposals.length ? (
        <Box>
          <Typography variant="sigma" textColor="neutral600">{t('panel.proposals')}</Typography>
          {links.proposals.map((proposal) => (
            <Typography key={proposal.documentId} tag="p" variant="pi">{proposal.title}</Typography>
          ))}
        </Box>
      ) : null}
      {links.ambiguous.map((phrase) => (
        <Box key={`${phrase.field}-${phrase.phrase}`} data-testid="link-ambiguous">
          <Typography variant="sigma" textColor="neutral600">{t('panel.ambiguous', { phrase: phrase.phrase })}</Typography>
          {phrase.candidates.map((candidate) => (
            <Flex key={candidate.documentId} justifyContent="space-between" paddingBottom={1}>
              <Typography variant="omega">{candidate.name}</Typography>
              <Button size="S" variant="secondary" onClick={() => correct(candidate.documentId, 'pin')}>{t('panel.choose')}</Button>
            </Flex>
          ))}
        </Box>
      ))}
      {links.rejected.length ? (
        <Box>
          <Typography variant="sigma" textColor="neutral600">{t('panel.rejected')}</Typography>
          {links.rejected.map((actor) => (
            <Flex key={actor.documentId} justifyContent="space-between" paddingBottom={1} data-testid="link-rejected">
              <Typography variant="omega" textColor="neutral600">{actor.name}</Typography>
              <Button size="S" variant="tertiary" onClick={() => correct(actor.documentId, 'clear')}>{t('panel.undoReject')}</Button>
            </Flex>
          ))}
        </Box>
      ) : null}
      {links.quoteInStory !== null ? (
        <Typography variant="pi" textColor={links.quoteInStory ? 'success600' : 'danger600'} data-testid="quote-check">
          {t(links.quoteInStory ? 'panel.quoteFound' : 'panel.quoteMissing')}
        </Typography>
      ) : null}
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('panel.openFlags')}</Typography>
        {links.openFlags.length ? (
          links.openFlags.map((flag) => (
            <Box key={flag.documentId} paddingBottom={1}>
              <Link href={`/admin/plugins/${PLUGIN_ID}?flag=${flag.documentId}`}>
                {t(`kind.${flag.kind}` as TranslationKey)} · {t(`severity.${flag.severity}` as TranslationKey)}
              </Link>
            </Box>
          ))
        ) : (
          <Typography tag="p" variant="pi">{t('panel.noOpenFlags')}</Typography>
        )}
      </Box>
    </Flex>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
}

/** The content manager's edit-view side panel for statements (registered in the plugin's bootstrap). */
export function StatementLinksPanel({ model, documentId }: PanelProps) {
  const { t } = useTranslate();
  if (model !== 'api::statement.statement' || !documentId) return null;
  return { title: t('panel.title'), content: <StatementLinksContent documentId={documentId} /> };
}

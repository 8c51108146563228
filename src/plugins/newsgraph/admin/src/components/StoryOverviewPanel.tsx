import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { useTranslate, type TranslationKey } from '../useTranslate';
import { StatementSuggestions } from './StatementSuggestions';
import { StoryGraphView } from './StoryGraphView';
import { useStoryGraph } from './useStoryGraph';

interface StoryOverview {
  statements: Array<{ documentId: string; text: string; kind: string | null; verification: string | null; speaker: { documentId: string; name: string } | null }>;
  actors: Array<{ documentId: string; name: string }>;
  proposals: Array<{ documentId: string; title: string }>;
  openFlags: {
    bySeverity: { high: number; medium: number; low: number };
    flags: Array<{ documentId: string; kind: string; severity: string; statement: { text: string } | null }>;
  };
}

const STATEMENT_PAGE = 'collection-types/api::statement.statement';

/**
 * The story at a glance beside its form: statements with their speakers and verification, the
 * actors and proposals the plugin keeps in step with them, the open flags by severity, and "Check
 * story", which relinks every statement and re-evaluates their flags now.
 */
function StoryOverviewContent({ documentId }: { documentId: string }) {
  const { t } = useTranslate();
  const { get, post } = useFetchClient();
  const [overview, setOverview] = useState<StoryOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState(false);

  const failed = (error: unknown) => setProblem(errorMessage(error));

  const load = useCallback(async () => {
    try {
      setOverview((await get<{ data: StoryOverview }>(`/newsgraph/stories/${documentId}/overview`)).data.data);
    } catch (error) {
      failed(error);
    }
  }, [get, documentId]);

  useEffect(() => {
    load();
  }, [load]);

  async function check() {
    setChecking(true);
    setChecked(false);
    try {
      setOverview((await post<{ data: StoryOverview }>(`/newsgraph/stories/${documentId}/check`, {})).data.data);
      setChecked(true);
    } catch (error) {
      failed(error);
    } finally {
      setChecking(false);
    }
  }

  if (!overview) return problem ? <Typography textColor="danger600">{problem}</Typography> : <Typography variant="pi">{t('panel.loading')}</Typography>;
  const { bySeverity } = overview.openFlags;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="story-overview-panel">
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('story.openFlags')}</Typography>
        <Flex gap={2} paddingTop={1} data-testid="story-flag-counts">
          <Badge>{t('story.severityCount', { severity: t('severity.high'), count: bySeverity.high })}</Badge>
          <Badge>{t('story.severityCount', { severity: t('severity.medium'), count: bySeverity.medium })}</Badge>
          <Badge>{t('story.severityCount', { severity: t('severity.low'), count: bySeverity.low })}</Badge>
        </Flex>
        {overview.openFlags.flags
          .filter((flag) => flag.severity === 'high')
          .map((flag) => (
            <Box key={flag.documentId} paddingTop={1}>
              <Link href={`/admin/plugins/${PLUGIN_ID}?flag=${flag.documentId}`}>{t(`kind.${flag.kind}` as TranslationKey)}</Link>
            </Box>
          ))}
      </Box>
      <Button variant="secondary" loading={checking} onClick={check} data-testid="check-story">{t('story.check')}</Button>
      <StatementSuggestions storyDocumentId={documentId} onAccepted={load} />
      {checked ? <Typography variant="pi" textColor="success600">{t('story.checked')}</Typography> : null}
      {problem ? <Typography variant="pi" textColor="danger600">{problem}</Typography> : null}
      <StoryGraphSection documentId={documentId} />
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('story.statements', { count: overview.statements.length })}</Typography>
        {overview.statements.map((statement) => (
          <Box key={statement.documentId} paddingTop={1} data-testid="story-statement">
            <Link href={`/admin/content-manager/${STATEMENT_PAGE}/${statement.documentId}`}>
              {statement.text.length > 70 ? `${statement.text.slice(0, 69)}…` : statement.text}
            </Link>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {statement.speaker?.name ?? t('panel.noSpeaker')} · {statement.verification ? t(`verdict.${statement.verification}` as TranslationKey) : '–'}
            </Typography>
          </Box>
        ))}
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('story.actors')}</Typography>
        <Typography tag="p" variant="pi">{overview.actors.length ? overview.actors.map((actor) => actor.name).join(', ') : t('story.none')}</Typography>
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">{t('story.proposals')}</Typography>
        <Typography tag="p" variant="pi">{overview.proposals.length ? overview.proposals.map((proposal) => proposal.title).join(', ') : t('story.none')}</Typography>
      </Box>
    </Flex>
  );
}

/** The panel's small graph, with a link to the full page. */
function StoryGraphSection({ documentId }: { documentId: string }) {
  const { t } = useTranslate();
  const { answer, problem } = useStoryGraph(documentId);
  return (
    <Box>
      <Flex justifyContent="space-between">
        <Typography variant="sigma" textColor="neutral600">{t('graph.title')}</Typography>
        <Link href={`/admin/plugins/${PLUGIN_ID}/graph/${documentId}`} data-testid="open-story-graph">{t('graph.open')}</Link>
      </Flex>
      {problem ? <Typography variant="pi" textColor="danger600">{problem}</Typography> : null}
      {answer && answer.graph.nodes.length > 0 ? <StoryGraphView graph={answer.graph} height="260px" fileName={`story-graph-${documentId}`} compact /> : null}
      {answer && answer.graph.nodes.length === 0 ? <Typography variant="pi">{t('graph.empty')}</Typography> : null}
    </Box>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
}

/** The content manager's edit-view side panel for stories (registered in the plugin's bootstrap). */
export function StoryOverviewPanel({ model, documentId }: PanelProps) {
  const { t } = useTranslate();
  if (model !== 'api::story.story' || !documentId) return null;
  return { title: t('story.title'), content: <StoryOverviewContent documentId={documentId} /> };
}

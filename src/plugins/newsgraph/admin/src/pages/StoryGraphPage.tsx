import { Box, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { StoryGraphView } from '../components/StoryGraphView';
import { useStoryGraph } from '../components/useStoryGraph';
import { useTranslate } from '../useTranslate';

const STORY_PAGE = '/admin/content-manager/collection-types/api::story.story';

/**
 * The story as a picture, full page (/admin/plugins/newsgraph/graph/:documentId), opened from the
 * story's side panel. The server checks that the user may read the story and keeps out the
 * statements the user may not read.
 */
export default function StoryGraphPage() {
  const { t } = useTranslate();
  // The route is /plugins/newsgraph/graph/:documentId (read here without depending on the router's package).
  const documentId = decodeURIComponent(/\/graph\/([^/?#]+)/.exec(window.location.pathname)?.[1] ?? '');
  const { answer, problem } = useStoryGraph(documentId);
  return (
    <Page.Main>
      <Layouts.Header
        title={answer ? t('graph.pageTitle', { title: answer.story.title }) : t('graph.title')}
        navigationAction={<Link href={`${STORY_PAGE}/${documentId}`}>{t('graph.back')}</Link>}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
          {!answer && !problem ? <Typography>{t('graph.loading')}</Typography> : null}
          {answer && answer.graph.nodes.length === 0 ? <Typography>{t('graph.empty')}</Typography> : null}
          {answer && answer.graph.nodes.length > 0 ? <StoryGraphView graph={answer.graph} height="70vh" fileName={`story-graph-${documentId}`} /> : null}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}

import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { getFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import type { OpenFlagSummary } from '../../../server/src/core/flags/open-flag-summary';
import { PLUGIN_ID } from '../pluginId';
import { useTranslate, type TranslationKey } from '../useTranslate';

const STATEMENT_UID = 'api::statement.statement';
const STORY_UID = 'api::story.story';
const ACTOR_UID = 'api::actor.actor';

/** The content type of the list view on screen: the injection hooks are not told which it is. */
export function listedModel(pathname = window.location.pathname): string | null {
  return /\/content-manager\/collection-types\/([^/?#]+)/.exec(pathname)?.[1] ?? null;
}

type FlaggedType = 'statement' | 'story';

/**
 * Asks for the open flags of every row of a page in one request: each cell asks for its document,
 * and the questions asked in the same tick travel together.
 */
const pending: Record<FlaggedType, Map<string, Array<(summary: OpenFlagSummary | null) => void>>> = { statement: new Map(), story: new Map() };
const scheduled: Record<FlaggedType, boolean> = { statement: false, story: false };

function openFlagsOf(type: FlaggedType, documentId: string): Promise<OpenFlagSummary | null> {
  return new Promise((resolve) => {
    const waiting = pending[type].get(documentId) ?? [];
    waiting.push(resolve);
    pending[type].set(documentId, waiting);
    if (scheduled[type]) return;
    scheduled[type] = true;
    setTimeout(async () => {
      scheduled[type] = false;
      const batch = pending[type];
      pending[type] = new Map();
      let answer: Record<string, OpenFlagSummary> = {};
      try {
        const documentIds = [...batch.keys()].join(',');
        answer = (await getFetchClient().get<{ data: Record<string, OpenFlagSummary> }>(`/${PLUGIN_ID}/flags/open-by-document`, { params: { type, documentIds } })).data.data;
      } catch {
        // No right to read flags, or the server is away: the cells show a dash, not an error per row.
      }
      for (const [id, resolvers] of batch) for (const done of resolvers) done(answer[id] ?? null);
    }, 0);
  });
}

const SEVERITY_BADGE: Record<string, { background: string; textColor: string }> = {
  high: { background: 'danger100', textColor: 'danger700' },
  medium: { background: 'warning100', textColor: 'warning700' },
  low: { background: 'neutral150', textColor: 'neutral700' },
};

function OpenFlagsCell({ type, documentId }: { type: FlaggedType; documentId: string }) {
  const { t } = useTranslate();
  const [summary, setSummary] = useState<OpenFlagSummary | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    openFlagsOf(type, documentId).then((answer) => current && setSummary(answer));
    return () => {
      current = false;
    };
  }, [type, documentId]);
  if (summary === undefined) return <Typography textColor="neutral500">…</Typography>;
  if (summary === null) return <Typography textColor="neutral500">{t('list.openFlags.unavailable')}</Typography>;
  if (summary.open === 0 || !summary.worstSeverity) return <Typography textColor="neutral600" data-testid="open-flags-cell">{t('list.openFlags.none')}</Typography>;
  const colours = SEVERITY_BADGE[summary.worstSeverity] ?? SEVERITY_BADGE.low!;
  return (
    <Badge {...colours} data-testid="open-flags-cell" data-severity={summary.worstSeverity}>
      {t('list.openFlags.count', { count: summary.open, severity: t(`severity.${summary.worstSeverity}` as TranslationKey) })}
    </Badge>
  );
}

interface ListHeader {
  name: string;
  [key: string]: unknown;
}

interface ColumnHookArguments {
  displayedHeaders: ListHeader[];
  layout: unknown;
}

const OPEN_FLAGS_COLUMN = 'newsgraphOpenFlags';

function openFlagsColumn(type: FlaggedType): ListHeader {
  return {
    name: OPEN_FLAGS_COLUMN,
    attribute: { type: 'custom' },
    label: { id: `${PLUGIN_ID}.list.openFlags`, defaultMessage: 'Open flags' },
    searchable: false,
    sortable: false,
    cellFormatter: (row: { documentId: string }): ReactNode => <OpenFlagsCell type={type} documentId={row.documentId} />,
  };
}

/**
 * `Admin/CM/pages/ListView/inject-column-in-table`, the hook review workflows and i18n add their
 * columns with: the Statement list gets "Open flags" after the kind, the Story list at the end.
 * Strapi's search, filters, sorting and bulk actions stay the content manager's own.
 */
export function addOpenFlagsColumn({ displayedHeaders, layout }: ColumnHookArguments): ColumnHookArguments {
  const model = listedModel();
  if ((model !== STATEMENT_UID && model !== STORY_UID) || displayedHeaders.some((header) => header.name === OPEN_FLAGS_COLUMN)) return { displayedHeaders, layout };
  const type: FlaggedType = model === STATEMENT_UID ? 'statement' : 'story';
  const headers = [...displayedHeaders];
  const afterKind = headers.findIndex((header) => header.name === 'kind');
  headers.splice(type === 'statement' && afterKind >= 0 ? afterKind + 1 : headers.length, 0, openFlagsColumn(type));
  return { displayedHeaders: headers, layout };
}

const NOT_A_COUNTRY = { $and: [{ kind: { $ne: 'country' } }] };
const COUNTRIES = { $and: [{ kind: { $eq: 'country' } }] };

/**
 * Above the Actor list: the newsroom's own actors, the gazetteer's countries, or all, in one click.
 * It writes the content manager's own filter into the URL, so the filter chips, search and bulk
 * actions work on the result as on any filter.
 */
export function ActorListFilters() {
  const { t } = useTranslate();
  const [{ query }, setQuery] = useQueryParams<{ filters?: unknown; page?: number }>();
  if (listedModel() !== ACTOR_UID) return null;
  const current = JSON.stringify(query.filters ?? null);
  const choose = (filters: unknown) => setQuery({ filters: filters ?? undefined, page: 1 });
  const option = (label: TranslationKey, filters: unknown, testId: string) => (
    <Button size="S" variant={current === JSON.stringify(filters) ? 'secondary' : 'tertiary'} onClick={() => choose(filters)} data-testid={testId}>
      {t(label)}
    </Button>
  );
  return (
    <Flex gap={1} aria-label={t('list.actors.filterLabel')} role="group">
      {option('list.actors.newsroom', NOT_A_COUNTRY, 'actors-newsroom')}
      {option('list.actors.countries', COUNTRIES, 'actors-countries')}
      {option('list.actors.all', null, 'actors-all')}
    </Flex>
  );
}

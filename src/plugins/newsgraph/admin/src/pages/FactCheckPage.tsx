import { Alert, Badge, Button, Checkbox, Combobox, ComboboxOption, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography, EmptyStateLayout, Loader, Textarea, Field } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, useReviewApi, type ActionResult, type FlagDetail as Flag, type QueueFacets, type QueuePage, type QueueQuery } from '../api';
import { FlagDetail } from '../components/FlagDetail';
import { FlagTrends } from '../components/FlagTrends';
import { useTranslate, type TranslationKey } from '../useTranslate';

const READ = [{ action: 'plugin::newsgraph.flags.read', subject: null }];
const REVIEW = [{ action: 'plugin::newsgraph.flags.review', subject: null }];
const ALL = '';

/**
 * The Fact-check desk: the review queue with its filters and counts, and the selected flag with
 * its actions. A flag changed by someone else since it was loaded answers 409: the desk says so and
 * reloads it, so that nobody decides on a stale version.
 */
function FactCheckDesk() {
  const { t } = useTranslate();
  const api = useReviewApi();
  const { allowedActions } = useRBAC({ review: REVIEW });
  const canReview = Boolean(allowedActions.canReview);
  const [query, setQuery] = useState<QueueQuery>({ status: 'open', sort: 'score', page: 1, pageSize: 20 });
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState<QueuePage | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [selected, setSelected] = useState<Flag | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [stale, setStale] = useState(false);
  const [bulkDismiss, setBulkDismiss] = useState<string | null>(null);
  const [facets, setFacets] = useState<QueueFacets>({ stories: [], assignees: [], actors: [] });
  const [actorSearch, setActorSearch] = useState('');

  useEffect(() => {
    // Debounced: one request per pause in typing, not per key.
    const timer = setTimeout(() => {
      api.facets(actorSearch).then(setFacets).catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [api, actorSearch]);

  const load = useCallback(async () => {
    try {
      setPage(await api.queue({ ...query, assignee: mine ? 'me' : query.assignee }));
      setFailed(null);
    } catch (error) {
      setFailed((error as Error).message);
    }
  }, [api, query, mine]);

  useEffect(() => {
    load();
  }, [load]);

  const select = async (documentId: string) => setSelected(await api.flag(documentId));

  // A link from a statement's side panel (?flag=<documentId>) opens that flag.
  useEffect(() => {
    const linked = new URLSearchParams(window.location.search).get('flag');
    if (linked) select(linked).catch(() => setFailed(t('error.flagMissing')));
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function act(action: 'claim' | 'resolve' | 'dismiss' | 'reopen', body: Record<string, unknown>): Promise<ActionResult> {
    if (!selected) return { ok: false, conflict: false, message: '' };
    const result = await api.act(selected.documentId, action, body);
    setStale(!result.ok && result.conflict);
    // After any answer, show the flag as it is now (with its history): changed by us, or by someone else.
    setSelected(await api.flag(selected.documentId));
    await load();
    return result;
  }

  async function bulk(action: 'claim' | 'dismiss', note = '') {
    const flags = (page?.data ?? []).filter((flag) => checked.has(flag.documentId));
    let conflicts = 0;
    for (const flag of flags) {
      const result = await api.act(flag.documentId, action, { version: flag.version, ...(action === 'dismiss' ? { note } : {}) });
      if (!result.ok && result.conflict) conflicts += 1;
    }
    setStale(conflicts > 0);
    setChecked(new Set());
    setBulkDismiss(null);
    await load();
  }

  const filter = (key: keyof QueueQuery, label: TranslationKey, values: readonly string[], prefix: string) => (
    <SingleSelect
      aria-label={t(label)}
      value={(query[key] as string | undefined) ?? ALL}
      onChange={(value: string | number) => setQuery({ ...query, [key]: value === ALL ? undefined : String(value), page: 1 })}
      data-testid={`filter-${key}`}
    >
      <SingleSelectOption value={ALL}>{t(label)}: {t('filter.all')}</SingleSelectOption>
      {values.map((value) => (
        <SingleSelectOption key={value} value={value}>{t(`${prefix}.${value}` as TranslationKey)}</SingleSelectOption>
      ))}
    </SingleSelect>
  );

  const counts = page?.meta.byStatus;
  const pagination = page?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('desk.title')}</Page.Title>
      <Layouts.Header
        title={t('desk.title')}
        subtitle={counts ? FLAG_STATUSES.map((status) => t('desk.count', { status: t(`status.${status}` as TranslationKey), count: counts[status] ?? 0 })).join(' · ') : t('desk.loading')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {stale ? (
            <Alert variant="warning" title={t('stale.title')} closeLabel={t('action.close')} onClose={() => setStale(false)} data-testid="stale-alert">
              {t('stale.body')}
            </Alert>
          ) : null}
          {failed ? (
            <Alert variant="danger" title={t('error.load')} closeLabel={t('action.close')} onClose={() => setFailed(null)}>
              {failed}
            </Alert>
          ) : null}
          <FlagTrends />
          <Flex gap={2} wrap="wrap">
            {counts
              ? FLAG_STATUSES.map((status) => (
                  <Button key={status} variant={query.status === status ? 'default' : 'tertiary'} size="S" onClick={() => setQuery({ ...query, status, page: 1 })}>
                    {t(`status.${status}` as TranslationKey)} <Badge>{counts[status] ?? 0}</Badge>
                  </Button>
                ))
              : null}
          </Flex>
          <Flex gap={2} wrap="wrap" alignItems="center">
            {filter('status', 'filter.status', FLAG_STATUSES, 'status')}
            {filter('kind', 'filter.kind', FLAG_KINDS, 'kind')}
            {filter('severity', 'filter.severity', SEVERITIES, 'severity')}
            <SingleSelect
              aria-label={t('filter.story')}
              value={query.story ?? ALL}
              onChange={(value: string | number) => setQuery({ ...query, story: value === ALL ? undefined : String(value), page: 1 })}
            >
              <SingleSelectOption value={ALL}>{t('filter.story')}: {t('filter.all')}</SingleSelectOption>
              {facets.stories.map((story) => (
                <SingleSelectOption key={story.documentId} value={story.documentId}>{story.title}</SingleSelectOption>
              ))}
            </SingleSelect>
            <Combobox
              aria-label={t('filter.actor')}
              placeholder={t('filter.actorPlaceholder')}
              value={query.actor}
              onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setActorSearch(event.target.value)}
              onChange={(value?: string) => setQuery({ ...query, actor: value || undefined, page: 1 })}
              onClear={() => setQuery({ ...query, actor: undefined, page: 1 })}
              noOptionsMessage={() => t('filter.noActor')}
            >
              {facets.actors.map((actor) => (
                <ComboboxOption key={actor.documentId} value={actor.documentId}>{actor.name}</ComboboxOption>
              ))}
            </Combobox>
            <SingleSelect
              aria-label={t('filter.assignee')}
              value={mine ? ALL : (query.assignee ?? ALL)}
              disabled={mine}
              onChange={(value: string | number) => setQuery({ ...query, assignee: value === ALL ? undefined : String(value), page: 1 })}
            >
              <SingleSelectOption value={ALL}>{t('filter.assignee')}: {t('filter.all')}</SingleSelectOption>
              {facets.assignees.map((user) => (
                <SingleSelectOption key={user.id} value={String(user.id)}>{user.name}</SingleSelectOption>
              ))}
            </SingleSelect>
            <SingleSelect aria-label={t('filter.sort')} value={query.sort} onChange={(value: string | number) => setQuery({ ...query, sort: value as 'score' | 'age', page: 1 })}>
              <SingleSelectOption value="score">{t('sort.score')}</SingleSelectOption>
              <SingleSelectOption value="age">{t('sort.age')}</SingleSelectOption>
            </SingleSelect>
            <Checkbox checked={mine} onCheckedChange={(value: boolean) => setMine(Boolean(value))}>{t('filter.mine')}</Checkbox>
          </Flex>
          {canReview && checked.size > 0 ? (
            <Flex gap={2} alignItems="center">
              <Typography>{t('bulk.selected', { count: checked.size })}</Typography>
              <Button size="S" onClick={() => bulk('claim')}>{t('bulk.claim')}</Button>
              <Button size="S" variant="tertiary" onClick={() => setBulkDismiss('')}>{t('bulk.dismiss')}</Button>
            </Flex>
          ) : null}
          {bulkDismiss !== null ? (
            <Flex gap={2} alignItems="end">
              <Field.Root name="bulkReason" required>
                <Field.Label>{t('form.dismissReason')}</Field.Label>
                <Textarea value={bulkDismiss} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setBulkDismiss(event.target.value)} />
              </Field.Root>
              <Button disabled={!bulkDismiss.trim()} onClick={() => bulk('dismiss', bulkDismiss)}>{t('action.confirmDismiss')}</Button>
              <Button variant="tertiary" onClick={() => setBulkDismiss(null)}>{t('action.cancel')}</Button>
            </Flex>
          ) : null}
          <Grid.Root gap={4}>
            <Grid.Item col={selected ? 7 : 12} s={12} direction="column" alignItems="stretch">
              {!page ? (
                <Loader>{t('desk.loading')}</Loader>
              ) : page.data.length === 0 ? (
                <EmptyStateLayout content={t('queue.empty')} />
              ) : (
                <Table colCount={6} rowCount={page.data.length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">{t('queue.select')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.score')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.kind')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.statement')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.speaker')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('queue.status')}</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {page.data.map((flag) => (
                      <Tr key={flag.documentId} onClick={() => select(flag.documentId)} style={{ cursor: 'pointer' }} data-testid="queue-row">
                        <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                          <Checkbox
                            aria-label={t('queue.selectOne')}
                            checked={checked.has(flag.documentId)}
                            onCheckedChange={(value: boolean) => {
                              const next = new Set(checked);
                              if (value) next.add(flag.documentId);
                              else next.delete(flag.documentId);
                              setChecked(next);
                            }}
                          />
                        </Td>
                        <Td><Typography>{flag.score === null ? '–' : Number(flag.score).toFixed(2)}</Typography></Td>
                        <Td><Typography>{t(`kind.${flag.kind}` as TranslationKey)} · {t(`severity.${flag.severity}` as TranslationKey)}</Typography></Td>
                        <Td><Typography ellipsis style={{ maxWidth: '16rem', display: 'block' }}>{flag.statement?.text ?? ''}</Typography></Td>
                        <Td><Typography>{flag.statement?.speaker?.name ?? '–'}</Typography></Td>
                        <Td><Typography>{t(`status.${flag.status}` as TranslationKey)}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              {pagination && pagination.pageCount > 1 ? (
                <Flex gap={2} paddingTop={4} alignItems="center">
                  <Button variant="tertiary" size="S" disabled={pagination.page <= 1} onClick={() => setQuery({ ...query, page: pagination.page - 1 })}>{t('pagination.previous')}</Button>
                  <Typography>{t('pagination.page', { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total })}</Typography>
                  <Button variant="tertiary" size="S" disabled={pagination.page >= pagination.pageCount} onClick={() => setQuery({ ...query, page: pagination.page + 1 })}>{t('pagination.next')}</Button>
                </Flex>
              ) : null}
            </Grid.Item>
            {selected ? (
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                <FlagDetail key={`${selected.documentId}-${selected.version}`} flag={selected} canReview={canReview} onAction={act} />
              </Grid.Item>
            ) : null}
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default function FactCheckPage() {
  return (
    <Page.Protect permissions={READ}>
      <FactCheckDesk />
    </Page.Protect>
  );
}

import { useFetchClient, isFetchError } from '@strapi/strapi/admin';
import { useCallback, useMemo } from 'react';

// The server's enums and answer shapes, declared once for both halves of the plugin.
export { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, VERDICTS, TEXT_CHANGED_AFTER_VERDICT } from '../../server/src/contracts/review';
export type { EarlierVerdict, FlagDetail, FlagEvent, FlagStatus, QueueFacets, QueueFlag, QueuePage, QueueQuery } from '../../server/src/contracts/review';
import type { FlagDetail, QueueFacets, QueuePage, QueueQuery, ReviewAction } from '../../server/src/contracts/review';
export type { FlagTrends, SpeakerVerdicts, TrendDay } from '../../server/src/contracts/trends';
import type { FlagTrends } from '../../server/src/contracts/trends';

/** What a failed request says to show a user: the server's error message, else the error's own. */
export function errorMessage(error: unknown): string {
  return isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : String(error);
}

export type ActionResult = { ok: true; flag: FlagDetail } | { ok: false; conflict: boolean; message: string };

/** The review routes (docs/domain.md), through the admin's fetch client, which sends the admin token. */
export function useReviewApi() {
  const { get, post } = useFetchClient();

  const queue = useCallback(
    async (query: QueueQuery): Promise<QueuePage> => {
      const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => [key, String(value)]));
      return (await get<QueuePage>(`/newsgraph/flags?${params.toString()}`)).data;
    },
    [get]
  );

  const facets = useCallback(async (actorSearch = ''): Promise<QueueFacets> => (await get<{ data: QueueFacets }>(`/newsgraph/flags/facets?q=${encodeURIComponent(actorSearch)}`)).data.data, [get]);

  const flag = useCallback(async (documentId: string): Promise<FlagDetail> => (await get<{ data: FlagDetail }>(`/newsgraph/flags/${documentId}`)).data.data, [get]);

  const act = useCallback(
    async (documentId: string, action: ReviewAction, body: Record<string, unknown>): Promise<ActionResult> => {
      try {
        const response = await post<{ data: FlagDetail }>(`/newsgraph/flags/${documentId}/${action}`, body);
        return { ok: true, flag: response.data.data };
      } catch (error) {
        if (isFetchError(error)) return { ok: false, conflict: error.status === 409, message: error.response?.data?.error?.message ?? error.message };
        throw error;
      }
    },
    [post]
  );

  /** The desk's trends over `days` days, in the browser's time zone (its offset now, in minutes east of UTC). */
  const trends = useCallback(
    async (days = 30): Promise<FlagTrends> => (await get<{ data: FlagTrends }>(`/newsgraph/flags/trends?days=${days}&utcOffset=${-new Date().getTimezoneOffset()}`)).data.data,
    [get]
  );

  // One object for as long as the functions stay the same: pages use it in effects' dependencies.
  return useMemo(() => ({ queue, facets, flag, act, trends }), [queue, facets, flag, act, trends]);
}

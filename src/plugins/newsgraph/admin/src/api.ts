import { useFetchClient, isFetchError } from '@strapi/strapi/admin';
import { useCallback, useMemo } from 'react';

export const FLAG_STATUSES = ['open', 'in_review', 'resolved', 'dismissed', 'obsolete'] as const;
export const FLAG_KINDS = ['unverified_claim', 'unknown_speaker', 'ambiguous_actor', 'quote_mismatch', 'anonymous_source', 'single_source_number', 'missing_source'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'false', 'unsupported', 'unverifiable', 'not_a_claim'] as const;

export type FlagStatus = (typeof FLAG_STATUSES)[number];

export interface QueueFlag {
  documentId: string;
  kind: string;
  severity: string;
  status: FlagStatus;
  reason: string | null;
  score: number | string | null;
  version: number;
  verdict: string | null;
  note: string | null;
  evidence: Array<{ url: string; title?: string | null }> | null;
  createdAt: string;
  statement: { documentId: string; text: string; kind: string | null; attribution: string | null; verification: string | null; checkWorthiness: number | string | null; speaker: { documentId: string; name: string } | null } | null;
  story: { documentId: string; title: string } | null;
  assignee: { id: number; firstname: string | null; lastname: string | null } | null;
}

export interface FlagEvent {
  from: FlagStatus | null;
  to: FlagStatus;
  note: string | null;
  createdAt: string;
  actor: { id: number; firstname: string | null; lastname: string | null } | null;
}

export interface FlagContext {
  story: { sentence: string; quote: { start: number; end: number } | null } | null;
  mentions: Array<{ documentId: string; name: string }>;
  scoreReasons: string[];
  speakerVerdicts: Array<{ verdict: string; text: string; resolvedAt: string }>;
}

export interface FlagDetail extends QueueFlag {
  events: FlagEvent[];
  context: FlagContext;
}

export interface QueuePage {
  data: QueueFlag[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; byStatus: Record<FlagStatus, number> };
}

export interface QueueFacets {
  stories: Array<{ documentId: string; title: string }>;
  assignees: Array<{ id: number; name: string }>;
  actors: Array<{ documentId: string; name: string }>;
}

export interface QueueQuery {
  status?: string;
  story?: string;
  actor?: string;
  kind?: string;
  severity?: string;
  assignee?: string;
  sort: 'score' | 'age';
  page: number;
  pageSize: number;
}

/** What a failed request says to show a user: the server's error message, else the error's own. */
export function errorMessage(error: unknown): string {
  return isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : String(error);
}

export type ActionResult = { ok: true; flag: FlagDetail } | { ok: false; conflict: boolean; message: string };

/** The review routes (DOMAIN.md), through the admin's fetch client, which sends the admin token. */
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
    async (documentId: string, action: 'claim' | 'resolve' | 'dismiss' | 'reopen', body: Record<string, unknown>): Promise<ActionResult> => {
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

  // One object for as long as the functions stay the same: pages use it in effects' dependencies.
  return useMemo(() => ({ queue, facets, flag, act }), [queue, facets, flag, act]);
}

import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { StoryGraph } from '../../../server/src/core/graph/story-graph';
import { errorMessage } from '../api';

export interface StoryGraphAnswer {
  story: { documentId: string; title: string };
  graph: StoryGraph;
}

/** GET /newsgraph/stories/:documentId/graph: the story's working version, as far as the user may read it. */
export function useStoryGraph(documentId: string): { answer: StoryGraphAnswer | null; problem: string | null } {
  const { get } = useFetchClient();
  const [answer, setAnswer] = useState<StoryGraphAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    get<{ data: StoryGraphAnswer }>(`/newsgraph/stories/${documentId}/graph`)
      .then((response) => current && setAnswer(response.data.data))
      .catch((error) => current && setProblem(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [get, documentId]);
  return { answer, problem };
}

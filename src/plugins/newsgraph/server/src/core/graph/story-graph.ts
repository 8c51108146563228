/**
 * A story as a network: its actors, statements and proposals as nodes, and typed edges between
 * them, in the shape drawing libraries (d3-force, Cytoscape, Sigma) take as they are.
 */

export type GraphNodeType = 'actor' | 'statement' | 'proposal';
export type GraphEdgeType = 'said' | 'mentions' | 'proposed' | 'supports' | 'opposes';

export interface GraphNode {
  /** `<type>:<documentId>`, unique within the graph. */
  id: string;
  type: GraphNodeType;
  documentId: string;
  label: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: GraphEdgeType;
}

export interface StoryGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface Named {
  documentId: string;
  name: string;
}

export interface GraphStatement {
  documentId: string;
  text: string;
  speaker?: Named | null;
  mentions?: Named[] | null;
  proposals?: Array<{ documentId: string; title: string }> | null;
}

export interface GraphProposal {
  documentId: string;
  title: string;
  proposedBy?: Named[] | null;
  supporters?: Named[] | null;
  opponents?: Named[] | null;
}

/** Statement labels are cut here: a label names a node, the statement itself is one query away. */
export const STATEMENT_LABEL_LENGTH = 80;

function statementLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= STATEMENT_LABEL_LENGTH ? flat : `${flat.slice(0, STATEMENT_LABEL_LENGTH - 1).trimEnd()}…`;
}

/**
 * Edges: an actor `said` a statement; a statement `mentions` an actor or a proposal; an actor
 * `proposed`, `supports` or `opposes` a proposal. Every node appears once and every edge once,
 * whatever the number of paths that lead to it. `visibleActors`, when given, keeps only those
 * actors (a public reader must not learn of an actor that only unpublished work names).
 */
export function buildStoryGraph(statements: readonly GraphStatement[], proposals: readonly GraphProposal[], visibleActors?: ReadonlySet<string>): StoryGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const actorVisible = (actor: Named) => !visibleActors || visibleActors.has(actor.documentId);
  const addNode = (type: GraphNodeType, documentId: string, label: string) => {
    const id = `${type}:${documentId}`;
    if (!nodes.has(id)) nodes.set(id, { id, type, documentId, label });
    return id;
  };
  const addEdge = (source: string, target: string, type: GraphEdgeType) => {
    const key = `${source}|${type}|${target}`;
    if (!edges.has(key)) edges.set(key, { source, target, type });
  };

  for (const statement of statements) {
    const statementId = addNode('statement', statement.documentId, statementLabel(statement.text));
    if (statement.speaker && actorVisible(statement.speaker)) addEdge(addNode('actor', statement.speaker.documentId, statement.speaker.name), statementId, 'said');
    for (const actor of statement.mentions ?? []) {
      if (actorVisible(actor)) addEdge(statementId, addNode('actor', actor.documentId, actor.name), 'mentions');
    }
    for (const proposal of statement.proposals ?? []) addEdge(statementId, addNode('proposal', proposal.documentId, proposal.title), 'mentions');
  }
  const stances: Array<['proposedBy' | 'supporters' | 'opponents', GraphEdgeType]> = [['proposedBy', 'proposed'], ['supporters', 'supports'], ['opponents', 'opposes']];
  for (const proposal of proposals) {
    const proposalId = addNode('proposal', proposal.documentId, proposal.title);
    for (const [field, type] of stances) {
      for (const actor of proposal[field] ?? []) {
        if (actorVisible(actor)) addEdge(addNode('actor', actor.documentId, actor.name), proposalId, type);
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

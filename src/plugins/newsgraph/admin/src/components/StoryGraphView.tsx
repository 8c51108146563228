import { Badge, Box, Button, Flex, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphEdgeType, GraphNode, StoryGraph } from '../../../server/src/core/graph/story-graph';
import { useTranslate, type TranslationKey } from '../useTranslate';

const STATEMENT_PAGE = '/admin/content-manager/collection-types/api::statement.statement';

/**
 * Colours of the design system's palette (hex: the canvas is drawn outside styled-components), one
 * per edge type, and line styles that still tell the types apart when printed in grey.
 */
const EDGE_STYLE: Record<GraphEdgeType, { colour: string; line: 'solid' | 'dashed' | 'dotted' }> = {
  said: { colour: '#32324d', line: 'solid' },
  mentions: { colour: '#8e8ea9', line: 'dashed' },
  proposed: { colour: '#4945ff', line: 'solid' },
  supports: { colour: '#328048', line: 'solid' },
  opposes: { colour: '#d02b20', line: 'dotted' },
};
const NODE_COLOUR = { actor: '#4945ff', proposal: '#d9822f', statement: '#a5a5ba' } as const;

function elementsOf(graph: StoryGraph): ElementDefinition[] {
  return [
    ...graph.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label, type: node.type } })),
    ...graph.edges.map((edge, index) => ({ group: 'edges' as const, data: { id: `e${index}`, source: edge.source, target: edge.target, type: edge.type } })),
  ];
}

/**
 * Readable at 200 statements: statements are small unlabelled dots (their words show on selection),
 * actors and proposals are labelled; the force layout (Cytoscape's own cose) pulls each statement
 * towards who said it and what it names.
 */
const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { 'background-color': NODE_COLOUR.statement, width: 10, height: 10, 'border-width': 0 } },
  {
    selector: 'node[type = "actor"]',
    style: { 'background-color': NODE_COLOUR.actor, width: 26, height: 26, label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#32324d', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px' },
  },
  {
    selector: 'node[type = "proposal"]',
    style: { shape: 'round-rectangle', 'background-color': NODE_COLOUR.proposal, width: 22, height: 16, label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#32324d', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px' },
  },
  { selector: 'edge', style: { width: 1.2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, opacity: 0.75 } },
  ...(Object.entries(EDGE_STYLE) as Array<[GraphEdgeType, (typeof EDGE_STYLE)[GraphEdgeType]]>).map(([type, style]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': style.colour, 'target-arrow-color': style.colour, 'line-style': style.line },
  })),
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#271fe0' } },
  { selector: '.faded', style: { opacity: 0.15 } },
];

interface Neighbour {
  node: GraphNode;
  via: GraphEdgeType;
}

/** The statements joined to a node (for a statement: itself), with the edge that joins them. */
function statementsOf(graph: StoryGraph, selected: GraphNode): Neighbour[] {
  if (selected.type === 'statement') return [{ node: selected, via: 'said' }];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const found = new Map<string, Neighbour>();
  for (const edge of graph.edges) {
    const other = edge.source === selected.id ? edge.target : edge.target === selected.id ? edge.source : null;
    const node = other ? byId.get(other) : undefined;
    if (node?.type === 'statement' && !found.has(node.id)) found.set(node.id, { node, via: edge.type });
  }
  return [...found.values()];
}

interface StoryGraphViewProps {
  graph: StoryGraph;
  /** CSS height of the canvas. */
  height: string;
  /** The PNG's file name, without extension. */
  fileName: string;
  compact?: boolean;
}

/**
 * A story's graph drawn with Cytoscape.js: actors, proposals and statements as nodes, typed edges
 * (said, mentions, proposed, supports, opposes). Selecting a node lists its statements; "Export PNG"
 * saves the whole graph at twice the screen's resolution for the graphics desk.
 */
export function StoryGraphView({ graph, height, fileName, compact = false }: StoryGraphViewProps) {
  const { t } = useTranslate();
  const container = useRef<HTMLDivElement | null>(null);
  const instance = useRef<Core | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const elements = useMemo(() => elementsOf(graph), [graph]);

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements,
      style: STYLE,
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 40, numIter: 1500, padding: 12 } as cytoscape.LayoutOptions,
      minZoom: 0.2,
      maxZoom: 4,
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => setSelectedId((event.target as cytoscape.NodeSingular).id()));
    cy.on('tap', (event) => {
      if (event.target === cy) setSelectedId(null);
    });
    instance.current = cy;
    // The test suite reads the drawn graph through this handle; nothing else uses it.
    container.current.dataset.nodes = String(cy.nodes().length);
    container.current.dataset.edges = String(cy.edges().length);
    return () => {
      cy.destroy();
      instance.current = null;
    };
  }, [elements]);

  // The selection, from a tap on the canvas or from the list beside it (keyboard and screen readers).
  useEffect(() => {
    const cy = instance.current;
    if (!cy) return;
    cy.elements().removeClass('faded').unselect();
    if (!selectedId) return;
    const node = cy.getElementById(selectedId);
    if (node.empty()) return;
    cy.elements().addClass('faded');
    node.closedNeighborhood().removeClass('faded');
    node.select();
  }, [selectedId]);

  function exportPng() {
    const cy = instance.current;
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${fileName}.png`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const selected = graph.nodes.find((node) => node.id === selectedId) ?? null;
  const counts = { actor: 0, proposal: 0, statement: 0 };
  for (const node of graph.nodes) counts[node.type] += 1;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="story-graph">
      <Flex gap={2} wrap="wrap">
        {(['actor', 'proposal', 'statement'] as const).map((type) => (
          <Badge key={type}>{t(`graph.count.${type}` as TranslationKey, { count: counts[type] })}</Badge>
        ))}
      </Flex>
      <Box
        ref={container}
        background="neutral0"
        borderColor="neutral200"
        hasRadius
        style={{ height, width: '100%', borderWidth: 1, borderStyle: 'solid' }}
        data-testid="story-graph-canvas"
        aria-label={t('graph.canvasLabel')}
        role="img"
      />
      {compact ? null : (
        <Flex gap={3} wrap="wrap" data-testid="story-graph-legend">
          {(Object.keys(EDGE_STYLE) as GraphEdgeType[]).map((type) => (
            <Flex key={type} gap={1}>
              <span style={{ display: 'inline-block', width: 22, borderTop: `2px ${EDGE_STYLE[type].line} ${EDGE_STYLE[type].colour}` }} />
              <Typography variant="pi">{t(`graph.edge.${type}` as TranslationKey)}</Typography>
            </Flex>
          ))}
        </Flex>
      )}
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Box minWidth="14rem">
          <SingleSelect
            size="S"
            aria-label={t('graph.choose')}
            placeholder={t('graph.choose')}
            value={selectedId ?? undefined}
            onChange={(value: string | number) => setSelectedId(String(value))}
            onClear={() => setSelectedId(null)}
            data-testid="story-graph-choose"
          >
            {graph.nodes
              .filter((node) => node.type !== 'statement')
              .map((node) => (
                <SingleSelectOption key={node.id} value={node.id}>{node.label}</SingleSelectOption>
              ))}
          </SingleSelect>
        </Box>
        <Button size="S" variant="secondary" onClick={exportPng} data-testid="story-graph-export">{t('graph.exportPng')}</Button>
      </Flex>
      {selected ? (
        <Box data-testid="story-graph-selection">
          <Typography variant="sigma" textColor="neutral600">{selected.type === 'statement' ? t('graph.selectedStatement') : t('graph.statementsOf', { name: selected.label })}</Typography>
          {statementsOf(graph, selected).map(({ node, via }) => (
            <Box key={node.id} paddingTop={1}>
              <Link href={`${STATEMENT_PAGE}/${node.documentId}`}>{node.label}</Link>
              {selected.type === 'statement' ? null : <Typography tag="p" variant="pi" textColor="neutral600">{t(`graph.edge.${via}` as TranslationKey)}</Typography>}
            </Box>
          ))}
        </Box>
      ) : (
        <Typography variant="pi" textColor="neutral600">{t('graph.hint')}</Typography>
      )}
    </Flex>
  );
}

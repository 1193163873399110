import { Button, Group, Switch, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowGraph, RequestTypeInfo } from '../../shared/api/workflow.schema.js';
import { REQUEST_STATUS_LABELS } from '../../shared/request-vocabulary.js';
import { STATUS_COLOURS } from '../components/status-badge.js';
import { useLabels } from '../i18n/labels.js';
import { FlowOutlineList } from './flow-outline-list.js';
import {
  CAPTION_FONT,
  CLUSTER_FONT,
  EDGE_FONT,
  layoutFlow,
  LINE_HEIGHT,
  NODE_FONT,
  type LaidOutCluster,
  type LaidOutEdge,
  type LaidOutState,
} from './flow-layout.js';

export type FlowDiagramProps = {
  graph: FlowGraph;
  /** What the flow is, for the names of the drawing and the list: 「一般資訊服務」. */
  title: string;
  /** The type's actions (RequestTypeInfo.actions), to name the actions that do not leave a step. */
  actions?: RequestTypeInfo['actions'] | undefined;
  /** The state(s) a request is in now: bold border and 「目前步驟」 in the box and the list. */
  activeIds?: readonly string[] | undefined;
};

const ZOOM_STEPS = [0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5];
/** Below this the labels are too small to read; the fitted zoom stops here and the box scrolls. */
const MIN_FIT_ZOOM = 0.6;

/**
 * A request type's flow as a layered diagram (issue 3), in a box that scrolls and zooms on small
 * screens, with its text alternative: an ordered list of the steps, their actions and where each
 * leads, always there for screen readers and shown instead of the drawing with 「以清單檢視」.
 */
export function FlowDiagram({ graph, title, actions, activeIds = [] }: FlowDiagramProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { language } = labels;
  const titleId = useId();
  const active = useMemo(() => new Set(activeIds), [activeIds]);
  // Boxes are sized for their longest caption, 「▶ 目前步驟・處理中」, whichever state is current.
  const layout = useMemo(
    () =>
      layoutFlow(
        graph,
        language,
        (node) => t('workflow.currentCaption', { status: REQUEST_STATUS_LABELS[node.status][language] }),
        t('workflow.parallelPrefix'),
      ),
    [graph, language, t],
  );
  const [listView, setListView] = useState(false);
  const [userZoom, setUserZoom] = useState<number | null>(null);
  const { ref: boxRef, width: boxWidth } = useElementSize();

  const fitted = boxWidth > 0 ? Math.min(1, Math.max(MIN_FIT_ZOOM, (boxWidth - 2) / layout.width)) : 1;
  const zoom = userZoom ?? fitted;
  const zoomOut = () => setUserZoom([...ZOOM_STEPS].reverse().find((z) => z < zoom - 0.001) ?? ZOOM_STEPS[0]!);
  const zoomIn = () => setUserZoom(ZOOM_STEPS.find((z) => z > zoom + 0.001) ?? ZOOM_STEPS.at(-1)!);
  const percent = Math.round(zoom * 100);

  // A drawing wider or taller than its box opens on the current step, or else on the start, so that
  // a phone does not show an empty corner first.
  const focus = layout.states.find((st) => active.has(st.node.id)) ?? null;
  const focusX = focus ? focus.x + focus.width / 2 : (layout.start?.x ?? 0);
  const focusY = focus ? focus.y + focus.height / 2 : 0;
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    box.scrollLeft = Math.max(0, focusX * zoom - box.clientWidth / 2);
    box.scrollTop = Math.max(0, focusY * zoom - box.clientHeight / 3);
  }, [boxRef, focusX, focusY, zoom, listView]);

  const list = <FlowOutlineList graph={graph} title={title} actions={actions} active={active} />;
  return (
    <div className="flow-diagram">
      <Group gap="sm" mb="xs" wrap="wrap" justify="space-between">
        <Switch
          label={t('workflow.listView')}
          checked={listView}
          onChange={(e) => setListView(e.currentTarget.checked)}
        />
        {!listView && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={zoomOut} disabled={zoom <= ZOOM_STEPS[0]!}>
              {t('workflow.zoomOut')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={zoomIn} disabled={zoom >= ZOOM_STEPS.at(-1)!}>
              {t('workflow.zoomIn')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setUserZoom(null)}>
              {t('workflow.zoomFit')}
            </Button>
            <Text size="sm" aria-live="polite" miw="3.5em" ta="right">
              {t('workflow.zoomLevel', { percent })}
            </Text>
          </Group>
        )}
      </Group>
      {!listView && (
        <>
          <div
            ref={boxRef}
            className="flow-diagram-scroll"
            role="region"
            aria-label={t('workflow.diagramRegion', { title })}
            tabIndex={0}
          >
            <svg
              role="img"
              aria-labelledby={titleId}
              width={Math.ceil(layout.width * zoom)}
              height={Math.ceil(layout.height * zoom)}
              viewBox={`0 0 ${layout.width} ${layout.height}`}
              className="flow-diagram-svg"
            >
              <title id={titleId}>{t('workflow.diagramLabel', { title })}</title>
              <defs>
                <marker
                  id={`${titleId}-arrow`}
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="8"
                  markerHeight="8"
                  orient="auto-start-reverse"
                >
                  <path d="M 0 0 L 10 5 L 0 10 z" fill="#343a40" />
                </marker>
              </defs>
              {layout.clusters.map((c) => (
                <Cluster key={c.node.id} cluster={c} />
              ))}
              {layout.start && <Start x={layout.start.x} y={layout.start.y} arrow={`url(#${titleId}-arrow)`} />}
              {layout.edges.map((e) => (
                <Edge key={e.index} edge={e} arrow={`url(#${titleId}-arrow)`} />
              ))}
              {layout.edges.map((e) => (
                <EdgeLabel key={e.index} edge={e} />
              ))}
              {layout.states.map((s) => (
                <State
                  key={s.node.id}
                  state={s}
                  active={active.has(s.node.id)}
                  caption={
                    active.has(s.node.id)
                      ? t('workflow.currentCaption', { status: labels.status(s.node.status) })
                      : labels.status(s.node.status)
                  }
                />
              ))}
            </svg>
          </div>
          <Legend />
        </>
      )}
      {listView ? list : <VisuallyHidden>{list}</VisuallyHidden>}
    </div>
  );
}

/** The box of an atomic or final state, coloured by its status; the caption says the status in words. */
function State({ state, active, caption }: { state: LaidOutState; active: boolean; caption: string }) {
  const { node, x, y, width, height, lines } = state;
  const colours = STATUS_COLOURS[node.status];
  const final = node.kind === 'final';
  const radius = final ? 16 : 6;
  const lineHeight = NODE_FONT * LINE_HEIGHT;
  const textTop = y + (height - (lines.length + 1) * lineHeight) / 2 + NODE_FONT;
  return (
    <g className="flow-state" data-state={node.id} data-active={active || undefined}>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx={radius}
        fill={colours.background}
        stroke={colours.color}
        strokeWidth={active ? 4 : 1.5}
      />
      {final && (
        <rect
          x={x + 4}
          y={y + 4}
          width={width - 8}
          height={height - 8}
          rx={radius - 4}
          fill="none"
          stroke={colours.color}
          strokeWidth={1.5}
        />
      )}
      <text x={x + width / 2} textAnchor="middle" fontSize={NODE_FONT} fill={colours.color}>
        {lines.map((line, i) => (
          <tspan key={i} x={x + width / 2} y={textTop + i * lineHeight} fontWeight={active ? 700 : 500}>
            {line}
          </tspan>
        ))}
        <tspan
          x={x + width / 2}
          y={textTop + lines.length * lineHeight}
          fontSize={CAPTION_FONT}
          fontWeight={active ? 700 : 400}
        >
          {caption}
        </tspan>
      </text>
    </g>
  );
}

/** A compound state's frame (solid) or a parallel state's (dashed), titled at its top. */
function Cluster({ cluster }: { cluster: LaidOutCluster }) {
  const { node, x, y, width, height, lines, title } = cluster;
  const parallel = node.kind === 'parallel';
  return (
    <g className="flow-cluster" data-state={node.id}>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx={10}
        fill={parallel ? '#f3f6fa' : '#fafbfc'}
        stroke="#5c6670"
        strokeWidth={1.5}
        strokeDasharray={parallel ? '8 5' : undefined}
      />
      <text x={title.x} textAnchor="middle" fontSize={CLUSTER_FONT} fontWeight={700} fill="#212529">
        {lines.map((line, i) => (
          <tspan key={i} x={title.x} y={title.y + CLUSTER_FONT + i * CLUSTER_FONT * LINE_HEIGHT - 2}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The start marker: a filled dot with an arrow into the initial state. */
function Start({ x, y, arrow }: { x: number; y: number; arrow: string }) {
  return (
    <g className="flow-start">
      <circle cx={x} cy={y - 6} r={6} fill="#212529" />
      <line x1={x} y1={y} x2={x} y2={y + 16} stroke="#343a40" strokeWidth={1.5} markerEnd={arrow} />
    </g>
  );
}

function Edge({ edge, arrow }: { edge: LaidOutEdge; arrow: string }) {
  const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
  return (
    <path
      className="flow-edge"
      d={d}
      fill="none"
      stroke="#343a40"
      strokeWidth={1.4}
      strokeLinejoin="round"
      strokeDasharray={edge.edge.conditional ? '6 4' : undefined}
      markerEnd={arrow}
    />
  );
}

function EdgeLabel({ edge }: { edge: LaidOutEdge }) {
  const { x, y, width, height, lines } = edge.label;
  const lineHeight = EDGE_FONT * LINE_HEIGHT;
  const top = y - height / 2 + 2 + EDGE_FONT;
  return (
    <g className="flow-edge-label">
      <rect x={x - width / 2} y={y - height / 2} width={width} height={height} rx={3} fill="#ffffff" opacity={0.92} />
      <text x={x} textAnchor="middle" fontSize={EDGE_FONT} fill="#212529">
        {lines.map((line, i) => (
          <tspan key={i} x={x} y={top + i * lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** What the shapes mean, in words (the colours repeat the status written in each box). */
function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="flow-legend" aria-label={t('workflow.legend')}>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="6" fill="#212529" />
        </svg>
        {t('workflow.legendStart')}
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="1" y="1" width="26" height="12" rx="3" fill="#ffffff" stroke="#212529" strokeWidth="3" />
        </svg>
        {t('workflow.legendCurrent')}
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="1" y="1" width="26" height="12" rx="6" fill="#ffffff" stroke="#212529" />
          <rect x="3.5" y="3.5" width="21" height="7" rx="3.5" fill="none" stroke="#212529" />
        </svg>
        {t('workflow.legendFinal')}
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <line x1="1" y1="7" x2="27" y2="7" stroke="#212529" strokeWidth="1.5" strokeDasharray="5 3" />
        </svg>
        {t('workflow.legendConditional')}
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="1" y="1" width="26" height="12" rx="3" fill="#f3f6fa" stroke="#5c6670" strokeDasharray="4 3" />
        </svg>
        {t('workflow.legendParallel')}
      </li>
    </ul>
  );
}

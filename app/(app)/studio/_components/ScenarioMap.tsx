'use client';
// The scenario map: the draft drawn as a graph beside the editor, coloured by the customer's mood; clicking a box jumps the editor there. NodeList says the same in words.
import '@xyflow/react/dist/style.css';
import { Handle, MarkerType, Position, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { layoutMap, mapShape, NODE_HEIGHT, NODE_WIDTH, type MapModel, type MapNode, type MapShape, type MoodBand } from '@/lib/studio/map-model';
import styles from './studio-map.module.css';

export interface MapProps {
  model: MapModel;
  selected?: string;
  onSelect: (id: string, line: number) => void;
}

type BoxData = { node?: MapNode; missing?: string; line: number; selected: boolean };
type Box = Node<BoxData, 'box'>;

/** A structure change waits this long for the typing to pause before the map is laid out again. */
const LAYOUT_DELAY_MS = 300;
const BANDS: MoodBand[] = ['furious', 'upset', 'neutral', 'warm', 'delighted'];
const INK = { plain: '#5b6b73', best: '#1d4e5f', broken: '#8a1c1c' };

const REDUCE = '(prefers-reduced-motion: reduce)';
const onMotionChange = (tell: () => void) => {
  const query = window.matchMedia(REDUCE);
  query.addEventListener('change', tell);
  return () => query.removeEventListener('change', tell);
};
const useReducedMotion = () =>
  useSyncExternalStore(
    onMotionChange,
    () => window.matchMedia(REDUCE).matches,
    () => true,
  );

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One box: what kind of thing it is and its mood in words (colour is never the only signal), its id, and what the customer says. */
const BoxNode = memo(function BoxNode({ data }: NodeProps<Box>) {
  const n = data.node;
  const tags: { text: string; flag?: boolean }[] = [];
  if (n?.isStart) tags.push({ text: '▶ start' });
  if (n?.kind === 'ending') tags.push({ text: n.outcome ? `ending · ${n.outcome}` : 'ending' });
  if (n?.moodBand) tags.push({ text: n.moodBand });
  if (n?.onBestPath) tags.push({ text: '★ best' });
  if (n?.unreachable) tags.push({ text: 'unreachable', flag: true });
  if (n?.inCycle) tags.push({ text: '↻ in a cycle', flag: true });
  if (data.missing) tags.push({ text: 'missing', flag: true });
  const problems = n?.problems ?? [];
  return (
    <div
      className={styles.box}
      data-kind={n ? n.kind : 'missing'}
      data-band={n?.kind === 'node' ? n.moodBand : undefined}
      data-outcome={n?.outcome}
      data-unreachable={n?.unreachable || undefined}
      data-cycle={n?.inCycle || undefined}
      data-selected={data.selected || undefined}
      title={n?.label || undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <div className={styles.tags}>
        {tags.map((t) => (
          <span key={t.text} className={`${styles.tag}${t.flag ? ` ${styles.flag}` : ''}`}>
            {t.text}
          </span>
        ))}
        {problems.length > 0 && (
          <span className={styles.badge} title={`${plural(problems.length, 'problem')}:\n${problems.map((p) => `line ${p.line}: ${p.message}`).join('\n')}`}>
            {problems.length}
          </span>
        )}
      </div>
      <div className={styles.boxId}>{n ? n.id : `missing: ${data.missing}`}</div>
      <div className={styles.boxSays}>{n ? n.label || '(the customer says nothing yet)' : 'named by a next but not written'}</div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});

const NODE_TYPES = { box: BoxNode };

/**
 * Opens on the start of the conversation at a size that can be read (a whole scenario fitted into
 * the box is too small to read), once there is something to show; "Show the whole map" zooms out.
 */
function FitOnce({ first }: { first: string[] }) {
  const { fitView } = useReactFlow();
  const done = useRef(false);
  const key = first.join(' ');
  useEffect(() => {
    if (!key || done.current) return;
    done.current = true;
    void fitView({ nodes: key.split(' ').map((id) => ({ id })), padding: 0.15, maxZoom: 1, minZoom: 0.6 });
  }, [key, fitView]);
  return null;
}

/** Brings the selected box into view when the selection comes from elsewhere (the list, the editor's cursor) and it is off screen. */
function FollowSelection({ x, y }: { x?: number; y?: number }) {
  const { getViewport, setCenter } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const reduce = useReducedMotion();
  useEffect(() => {
    if (x === undefined || y === undefined || !width || !height) return;
    const view = getViewport();
    const left = x * view.zoom + view.x;
    const top = y * view.zoom + view.y;
    if (left >= 0 && top >= 0 && left + NODE_WIDTH * view.zoom <= width && top + NODE_HEIGHT * view.zoom <= height) return;
    void setCenter(x + NODE_WIDTH / 2, y + NODE_HEIGHT / 2, { zoom: Math.max(view.zoom, 0.6), duration: reduce ? 0 : 250 });
  }, [x, y, width, height, reduce, getViewport, setCenter]);
  return null;
}

function FitButton() {
  const { fitView } = useReactFlow();
  const reduce = useReducedMotion();
  return (
    <button type="button" className={`button-quiet ${styles.fit}`} onClick={() => void fitView({ padding: 0.1, maxZoom: 1, duration: reduce ? 0 : 250 })}>
      Show the whole map
    </button>
  );
}

function MapDrawing({ model, selected, onSelect }: MapProps) {
  // While the YAML cannot be read, keep showing the last map that could be, under a notice.
  const [lastGood, setLastGood] = useState(model);
  if (!model.parseError && model !== lastGood) setLastGood(model);
  const drawn = model.parseError ? lastGood : model;

  // Layout depends on ids and links only, and waits for a pause in typing: an edited line of dialogue never moves a box,
  // and typing a next letter by letter lays the map out once, not once per letter.
  const shape = useMemo(() => mapShape(drawn), [drawn]);
  const [settled, setSettled] = useState(shape);
  useEffect(() => {
    if (shape === settled) return;
    const timer = setTimeout(() => setSettled(shape), LAYOUT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [shape, settled]);
  const positions = useMemo(() => layoutMap(JSON.parse(settled) as MapShape), [settled]);

  const nodes = useMemo(() => {
    const boxes: Box[] = [];
    const add = (id: string, data: BoxData) => {
      const position = positions.get(id);
      // A box added since the last layout waits for the next one rather than landing on top of another.
      if (position) boxes.push({ id, type: 'box', position, data, width: NODE_WIDTH, height: NODE_HEIGHT, draggable: false, connectable: false });
    };
    for (const n of drawn.nodes) add(n.id, { node: n, line: n.line, selected: n.id === selected });
    for (const id of drawn.missingTargets) add(id, { missing: id, line: drawn.edges.find((e) => e.to === id)?.line ?? 1, selected: id === selected });
    return boxes;
  }, [drawn, positions, selected]);

  const edges = useMemo(
    () =>
      drawn.edges
        .filter((e) => e.to && positions.has(e.from) && positions.has(e.to))
        // Later edges paint over earlier ones: the best path last, so crossings never hide it.
        .sort((a, b) => Number(a.onBestPath) - Number(b.onBestPath))
        .map((e): Edge => {
          const ink = e.broken ? INK.broken : e.onBestPath ? INK.best : INK.plain;
          const dash = e.broken ? '6 4' : e.kind === 'otherwise' ? '2 4' : undefined;
          return {
            id: e.id,
            source: e.from,
            target: e.to,
            // Labels only on the selected box's choices: 450 labels at once would hide the map.
            label: e.from === selected ? e.label || undefined : undefined,
            labelStyle: { fontSize: 11, fill: '#1b2a33' },
            labelBgStyle: { fill: '#ffffff' },
            style: { stroke: ink, strokeWidth: e.onBestPath ? 3.5 : e.broken ? 2 : 1.5, strokeDasharray: dash },
            markerEnd: { type: MarkerType.ArrowClosed, color: ink, width: 14, height: 14 },
            selectable: false,
            focusable: false,
          };
        }),
    [drawn, positions, selected],
  );

  const at = selected === undefined ? undefined : positions.get(selected);
  const canvas = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The drawing is hidden from screen readers (the list is their way in), so nothing inside may take focus either.
    canvas.current?.querySelectorAll('a, button').forEach((el) => el.setAttribute('tabindex', '-1'));
  }, []);

  return (
    <figure className={styles.map}>
      <div className={styles.canvas} ref={canvas} aria-hidden="true">
        {model.parseError && (
          <p className={styles.notice}>
            The YAML cannot be read ({model.parseError}); {drawn.nodes.length ? 'the map shows the last version that could be.' : 'the map appears once it can be.'}
          </p>
        )}
        {drawn.nodes.length === 0 && !model.parseError && <p className={styles.empty}>Nothing to draw yet: add nodes and endings to the scenario.</p>}
        <ReactFlow<Box>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodeClick={(_, box) => onSelect(box.id, box.data.line)}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={1.5}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          disableKeyboardA11y
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          panActivationKeyCode={null}
          zoomActivationKeyCode={null}
        >
          <FitOnce first={nodes.slice(0, 4).map((n) => n.id)} />
          <FollowSelection x={at?.x} y={at?.y} />
        </ReactFlow>
      </div>
      <figcaption className={styles.caption}>
        <span className="visually-hidden">A drawing of the scenario. The list of nodes and endings gives the same information, and works with a keyboard.</span>
        <ul className={styles.legend} aria-hidden="true">
          {BANDS.map((band) => (
            <li key={band}>
              <span className={styles.swatch} data-band={band} /> {band}
            </li>
          ))}
          <li>
            <span className={styles.swatch} data-kind="ending" data-outcome="success" /> ending
          </li>
          <li>
            <span className={styles.swatch} data-kind="missing" /> missing
          </li>
        </ul>
        <FitButton />
      </figcaption>
    </figure>
  );
}

/** The map with its own React Flow store, so the button under the drawing can fit the view. Load it with next/dynamic ({ ssr: false }). */
export function ScenarioMap(props: MapProps) {
  return (
    <ReactFlowProvider>
      <MapDrawing {...props} />
    </ReactFlowProvider>
  );
}

export default ScenarioMap;

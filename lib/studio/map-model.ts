// The studio's scenario map as data: a draft read loosely into nodes, endings and choices, with lint problems, moods and the best path laid on.
import dagre from '@dagrejs/dagre';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { analyse } from '@/lib/scenario/analysis';
import { choicesAt, decide, initialState, moodBand, type MoodBand, type PlayState } from '@/lib/scenario/engine';
import { ScenarioSchema, type ScenarioDefinition } from '@/lib/scenario/schema';

export type { MoodBand };
export type Outcome = 'success' | 'partial' | 'failure';
export type MapProblem = { line: number; message: string; hint?: string };

export interface MapNode {
  id: string;
  kind: 'node' | 'ending';
  line: number; // 1-based, of its key: where the editor jumps
  label: string; // the start of what the customer says
  outcome?: Outcome;
  /** From the arrival mood on the best path through it, else the highest; unset unless the scenario is valid. */
  moodBand?: MoodBand;
  moodRange?: { min: number; max: number };
  onBestPath: boolean; unreachable: boolean; inCycle: boolean; isStart: boolean;
  /** For an ending: the rules that send a call here from anywhere, such as "mood −5 or lower". */
  rules?: string[];
  problems: MapProblem[];
}

export interface MapEdge {
  id: string;
  from: string;
  to: string; // may name an id not written (broken), or be empty for a choice with no next
  choiceId: string; // empty on an otherwise edge
  label: string; // the choice's say, shortened
  line: number;
  onBestPath: boolean; broken: boolean;
  /** A choice's next, or an ending passing a mood below its moodAtLeast on to its otherwise. */
  kind: 'choice' | 'otherwise';
}

export interface MapModel {
  /** Start first, in the order a walk from the start meets them; unreached ones after, in file order. */
  nodes: MapNode[];
  edges: MapEdge[];
  /** Ids a next or otherwise names that are neither a node nor an ending. */
  missingTargets: string[];
  parseError?: string;
  problemsElsewhere: MapProblem[];
}

/** The box size the layout assumes and the map draws; and the mood walk's bound, past which a draft is too big to colour while typing. */
export const NODE_WIDTH = 220, NODE_HEIGHT = 64, MAX_STATES = 50_000;

/** A node or ending as written; `end` is its entry's last line, so a problem on any line from `line` to there is its. */
type Raw = Pick<MapNode, 'id' | 'kind' | 'line' | 'label' | 'outcome'> & { end: number; edges: MapEdge[] };

/** A plain value as text; anything else (a map, a list, nothing) as undefined. */
const text = (v: unknown): string | undefined => (isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.value) : undefined);

const shorten = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/** The entries of `nodes:` or `endings:`; the first of a duplicated id wins, as the list shows each id once. */
function entries(map: unknown, kind: Raw['kind'], lc: LineCounter): { raws: Raw[]; duplicate: boolean } {
  const raws: Raw[] = [];
  let duplicate = false;
  if (!isMap(map)) return { raws, duplicate };
  const seen = new Set<string>();
  for (const pair of map.items) {
    const id = text(pair.key);
    if (id === undefined) continue;
    duplicate ||= seen.has(id);
    if (seen.has(id)) continue;
    seen.add(id);
    const at = (pair.key as { range?: number[] }).range?.[0] ?? 0;
    const value = pair.value as { range?: number[] } | null;
    const line = lc.linePos(at).line;
    // A block value ends at the start of the next line; one character back is its own last line.
    const end = Math.max(line, value?.range ? lc.linePos(Math.max(at, value.range[1]! - 1)).line : line);
    const get = (k: string) => (isMap(value) ? value.get(k, true) : undefined);
    const raw: Raw = { id, kind, line, end, label: shorten(text(get('customer')) ?? '', 60), edges: [] };
    if (kind === 'ending') {
      const outcome = text(get('outcome'));
      if (outcome === 'success' || outcome === 'partial' || outcome === 'failure') raw.outcome = outcome;
      const [otherwise, need] = [text(get('otherwise')), text(get('moodAtLeast'))];
      if (otherwise) {
        const on = lc.linePos((get('otherwise') as { range?: number[] }).range?.[0] ?? at).line;
        raw.edges.push({ id: `${id}/otherwise`, from: id, to: otherwise, choiceId: '', label: need ? `if mood is below ${need}` : 'otherwise', line: on, onBestPath: false, broken: false, kind: 'otherwise' });
      }
    } else {
      const choices = get('choices');
      (isSeq(choices) ? choices.items : []).forEach((item, i) => {
        const c = isMap(item) ? item : undefined;
        const range = (item as { range?: number[] } | null)?.range;
        const [to, choiceId, say] = ['next', 'id', 'say'].map((k) => text(c?.get(k, true)) ?? '');
        const on = range ? lc.linePos(range[0]!).line : line;
        raw.edges.push({ id: `${id}/${i}`, from: id, to: to!, choiceId: choiceId!, label: shorten(say!, 48), line: on, onBestPath: false, broken: false, kind: 'choice' });
      });
    }
    raws.push(raw);
  }
  return { raws, duplicate };
}

/** Nodes on a directed cycle: those a walk from any of their successors comes back to. */
function cycleNodes(ids: string[], succ: (id: string) => string[]): Set<string> {
  return new Set(
    ids.filter((id) => {
      const queue = succ(id);
      const seen = new Set(queue);
      for (let i = 0; i < queue.length; i++) for (const to of succ(queue[i]!)) if (!seen.has(to)) { seen.add(to); queue.push(to); }
      return seen.has(id);
    }),
  );
}

/** Arrival moods over every path; on the best path, the arrival mood at each node and ending, and the edges it takes. */
type Moods = { ranges: Map<string, { min: number; max: number }>; best: Map<string, number>; bestEdges: Set<string> };

/**
 * Every state the engine can reach, deduplicated as the analysis does (node, mood and the ages of
 * open clues decide all that can follow), so ranges are exact; undefined past the bound or when the
 * analysis gives up, because a half-walked range would colour a node wrongly.
 */
function walkMoods(s: ScenarioDefinition, personaMood: number): Moods | undefined {
  let bestPath: string[];
  try {
    bestPath = analyse(s, personaMood).bestPath;
  } catch {
    // TooManyPathsError on a huge draft, or anything else a half-written one trips: the map still draws, without moods.
    return undefined;
  }
  const ranges = new Map<string, { min: number; max: number }>();
  const note = (id: string, mood: number) => {
    const r = ranges.get(id) ?? { min: mood, max: mood };
    ranges.set(id, { min: Math.min(r.min, mood), max: Math.max(r.max, mood) });
  };
  // Steps are dropped and clue times kept relative to now, so equal futures share one key and memory stays flat.
  const rebase = (st: PlayState): PlayState => ({ ...st, totals: {}, steps: [], openClues: st.openClues.map((o) => ({ ...o, openedAt: o.openedAt - st.steps.length })) });
  const key = (st: PlayState) => `${'node' in st.at ? st.at.node : ''}|${st.mood}|${st.openClues.map((o) => -o.openedAt).join(',')}`;
  const start = initialState(s, personaMood);
  const seen = new Set([key(start)]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const st = queue[i]!;
    if ('node' in st.at) note(st.at.node, st.mood);
    for (const c of choicesAt(s, st)) {
      const next = rebase(decide(s, st, c.id));
      if ('ending' in next.at) note(next.at.ending, next.mood);
      else if (!seen.has(key(next))) {
        if (seen.size >= MAX_STATES) return undefined;
        seen.add(key(next));
        queue.push(next);
      }
    }
  }
  const best = new Map<string, number>();
  const bestEdges = new Set<string>();
  let st = start;
  for (const choiceId of bestPath) {
    if (!('node' in st.at)) break;
    const from = st.at.node;
    if (!best.has(from)) best.set(from, st.mood);
    bestEdges.add(`${from}/${choiceId}`);
    st = decide(s, st, choiceId);
    // An ending that wanted a better mood passed the call on: the otherwise links it followed are on the path too.
    let target = s.nodes[from]!.choices.find((c) => c.id === choiceId)!.next;
    for (let hops = 0; 'ending' in st.at && target !== st.at.ending && s.endings[target]?.otherwise && hops < 8; hops++) {
      bestEdges.add(`${target}/otherwise`);
      target = s.endings[target]!.otherwise!;
    }
  }
  best.set('node' in st.at ? st.at.node : st.at.ending, st.mood);
  return { ranges, best, bestEdges };
}

const empty = (problems: MapProblem[], parseError?: string): MapModel => ({ nodes: [], edges: [], missingTargets: [], problemsElsewhere: [...problems], ...(parseError ? { parseError } : {}) });

/**
 * The map of a draft. Never throws: a YAML syntax error gives an empty model with `parseError`; any
 * other broken draft still maps what is written. Moods and the best path need a valid scenario.
 */
export function mapModel(source: string, problems: MapProblem[], personaMood = 0): MapModel {
  const lc = new LineCounter();
  // Duplicate keys are kept (the first wins) rather than refused, so one pasted node does not blank the map.
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return empty(problems, `line ${lc.linePos(Math.min(e.pos[0], source.length)).line}: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) return empty(problems);
  const start = text(root.get('start', true));
  const nodes = entries(root.get('nodes', true), 'node', lc);
  const endings = entries(root.get('endings', true), 'ending', lc);
  const nodeIds = new Set(nodes.raws.map((r) => r.id));
  // An id that is both a node and an ending is drawn once, as the node (the lint says which line to rename).
  const raws = [...nodes.raws, ...endings.raws.filter((r) => !nodeIds.has(r.id))];
  const clash = raws.length < nodes.raws.length + endings.raws.length;
  const known = new Set(raws.map((r) => r.id));
  const edges = raws.flatMap((r) => r.edges);
  const adjacent = new Map<string, string[]>(raws.map((r) => [r.id, []]));
  for (const e of edges) {
    e.broken = !known.has(e.to);
    if (!e.broken) adjacent.get(e.from)!.push(e.to);
  }
  const out = (id: string) => adjacent.get(id) ?? [];
  const missingTargets = [...new Set(edges.filter((e) => e.broken && e.to).map((e) => e.to))];
  const rules = root.get('rules', true);
  const ruleNotes = new Map<string, string[]>();
  for (const rule of isSeq(rules) ? rules.items : []) {
    const goto = isMap(rule) ? text(rule.get('goto', true)) : undefined;
    const when = isMap(rule) ? rule.get('when', true) : undefined;
    const [most, least] = ['moodAtMost', 'moodAtLeast'].map((k) => (isMap(when) ? text(when.get(k, true)) : undefined));
    if (goto) ruleNotes.set(goto, [...(ruleNotes.get(goto) ?? []), most ? `mood ${most} or lower` : least ? `mood ${least} or higher` : 'a rule']);
  }
  // The walk's queue is also the list's order. Rules can fire after any decision, so their endings count as reached once any choice is.
  const order: string[] = [];
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (known.has(id) && !reached.has(id)) order.push(id);
    reached.add(id);
  };
  const walk = (from: string[]) => {
    from.forEach(visit);
    for (let i = 0; i < order.length; i++) out(order[i]!).forEach(visit);
  };
  walk(start ? [start] : []);
  if (order.some((id) => nodeIds.has(id) && edges.some((e) => e.from === id))) walk([...ruleNotes.keys()]);
  const cycles = cycleNodes([...nodeIds], (id) => out(id).filter((to) => nodeIds.has(to)));

  const parsed = ScenarioSchema.safeParse(doc.toJS());
  const valid =
    parsed.success && !nodes.duplicate && !endings.duplicate && !clash && cycles.size === 0 && edges.every((e) => !e.broken) &&
    nodeIds.has(parsed.data.start) && parsed.data.rules.every((r) => parsed.data.endings[r.goto]);
  const moods = valid ? walkMoods(parsed.data, personaMood) : undefined;

  const byId = new Map(raws.map((r) => [r.id, r]));
  const ordered = [...order, ...raws.map((r) => r.id).filter((id) => !reached.has(id))].map((id) => byId.get(id)!);
  const elsewhere: MapProblem[] = [];
  const attached = new Map<string, MapProblem[]>();
  for (const p of problems) {
    const owner = raws.find((r) => r.line <= p.line && p.line <= r.end);
    if (owner) attached.set(owner.id, [...(attached.get(owner.id) ?? []), p]);
    else elsewhere.push(p);
  }
  for (const e of edges) e.onBestPath = !!moods?.bestEdges.has(e.kind === 'choice' ? `${e.from}/${e.choiceId}` : e.id);

  const mapNodes = ordered.map((r): MapNode => {
    const range = moods?.ranges.get(r.id);
    const arrival = moods?.best.get(r.id) ?? range?.max;
    const flags = { onBestPath: !!moods?.best.has(r.id), unreachable: !reached.has(r.id), inCycle: cycles.has(r.id), isStart: r.id === start };
    const node: MapNode = { id: r.id, kind: r.kind, line: r.line, label: r.label, ...flags, problems: attached.get(r.id) ?? [] };
    if (r.outcome) node.outcome = r.outcome;
    if (arrival !== undefined) node.moodBand = moodBand(arrival);
    if (range) node.moodRange = range;
    if (r.kind === 'ending' && ruleNotes.has(r.id)) node.rules = ruleNotes.get(r.id);
    return node;
  });
  return { nodes: mapNodes, edges, missingTargets, problemsElsewhere: elsewhere };
}

/** What the layout depends on: ids, kinds and links, not wording, so a memo keyed on it survives typing. */
export type MapShape = { nodes: readonly Pick<MapNode, 'id' | 'kind'>[]; edges: readonly Pick<MapEdge, 'from' | 'to'>[]; missingTargets: readonly string[] };

/** A string that changes only when the layout would: a memo key, and `JSON.parse` of it is a MapShape. */
export function mapShape(model: MapShape): string {
  return JSON.stringify({ nodes: model.nodes.map((n) => ({ id: n.id, kind: n.kind })), edges: model.edges.map((e) => ({ from: e.from, to: e.to })), missingTargets: model.missingTargets });
}

const RANK_GAP = 56, NODE_GAP = 28, MARGIN = 16;
/**
 * Top-left corner of each box, top to bottom; pure and deterministic. dagre places the nodes; endings and missing targets share a row
 * beneath, under the nodes that lead there: an ending reached from every depth costs dagre seconds of long edges whose bends are never drawn.
 */
export function layoutMap(model: MapShape): Map<string, { x: number; y: number }> {
  const bottom = [...model.nodes.filter((n) => n.kind === 'ending').map((n) => n.id), ...model.missingTargets];
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', ranksep: RANK_GAP, nodesep: NODE_GAP, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of model.nodes) if (n.kind === 'node') g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of model.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  // Past a few dozen nodes dagre's repeated ordering passes cost more than the crossings they save.
  dagre.layout(g, { disableOptimalOrderHeuristic: g.nodeCount() > 60 });
  // dagre gives centres; React Flow places a node by its top-left corner.
  const corner = ({ x, y }: { x: number; y: number }) => ({ x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) });
  const at = new Map(g.nodes().map((id) => [id, corner(g.node(id) as { x: number; y: number })]));
  const placed = [...at.values()];
  const under = (id: string) => {
    const xs = model.edges.filter((e) => e.to === id && at.has(e.from)).map((e) => at.get(e.from)!.x);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Infinity;
  };
  const row = bottom.map((id, i) => ({ id, i, x: under(id) })).sort((a, b) => a.x - b.x || a.i - b.i);
  const middle = placed.length ? (Math.min(...placed.map((p) => p.x)) + Math.max(...placed.map((p) => p.x)) + NODE_WIDTH) / 2 : 0;
  const left = Math.max(MARGIN, Math.round(middle - (row.length * (NODE_WIDTH + NODE_GAP) - NODE_GAP) / 2));
  const y = placed.length ? Math.max(...placed.map((p) => p.y)) + NODE_HEIGHT + RANK_GAP : MARGIN;
  row.forEach((r, k) => at.set(r.id, { x: left + k * (NODE_WIDTH + NODE_GAP), y }));
  return at;
}

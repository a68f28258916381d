// Scores the coach against labelled replies: per-detector counts, precision and recall.
import { z } from 'zod';
import { analyzeReply, detectorIds, type DetectorId, type ReplyContext, type Turn } from '../analyze';
import { relevanceFeatures } from '../relevance';
import { readReply } from '../nlp';
import type { Example } from './train';
import { fitIds, type Fit } from '@/lib/scenario/fits';
import { nearestChoice } from '../match';
import type { NodeForMapping } from '../nodes';

const Line = z.strictObject({
  text: z.string().min(1),
  customerName: z.string().min(1),
  channel: z.enum(['phone', 'chat', 'email', 'in-person']).default('chat'),
  clue: z.enum(['bad', 'good']).nullable().default(null),
  customerLine: z.string().optional(),
  expect: z.record(z.string(), z.boolean()),
});
export type LabelledReply = z.output<typeof Line>;

export class CorpusError extends Error {}

/** Parses JSON Lines against `schema`, naming the file, line and what is wrong. */
function parseLines<T extends z.ZodType>(source: string, file: string, schema: T, check?: (line: z.output<T>) => string | undefined): z.output<T>[] {
  const out: z.output<T>[] = [];
  source.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new CorpusError(`${file}:${i + 1}: not valid JSON (${(e as Error).message}).`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CorpusError(`${file}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}.`);
    }
    const problem = check?.(parsed.data);
    if (problem) throw new CorpusError(`${file}:${i + 1}: ${problem}`);
    out.push(parsed.data);
  });
  return out;
}

export function parseCorpus(source: string, file = 'input'): LabelledReply[] {
  return parseLines(source, file, Line, (l) => {
    const unknown = Object.keys(l.expect).filter((k) => !(detectorIds as readonly string[]).includes(k));
    return unknown.length ? `expect names unknown detector(s) ${unknown.join(', ')}; known: ${detectorIds.join(', ')}.` : undefined;
  });
}

export interface DetectorScore {
  detector: DetectorId;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  perDetector: DetectorScore[];
  precision: number;
  recall: number;
  replies: number;
  /** Lines where the coach and the label disagree, for whoever tunes a detector. */
  misses: { line: number; detector: DetectorId; expected: boolean; text: string }[];
  /** Milliseconds per reply. */
  timings: number[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(lines: LabelledReply[]): Evaluation {
  const counts = new Map<DetectorId, { tp: number; fp: number; fn: number; tn: number }>(detectorIds.map((d) => [d, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  const misses: Evaluation['misses'] = [];
  const timings: number[] = [];
  lines.forEach((l, i) => {
    const t = performance.now();
    const a = analyzeReply(l.text, {
      customerName: l.customerName,
      channel: l.channel,
      clue: l.clue ? { news: l.clue } : null,
      customerLine: l.customerLine,
    });
    timings.push(performance.now() - t);
    const found = new Set(a.findings.map((f) => f.detector));
    for (const [id, expected] of Object.entries(l.expect) as [DetectorId, boolean][]) {
      const c = counts.get(id)!;
      const got = found.has(id);
      if (got && expected) c.tp++;
      else if (got) c.fp++;
      else if (expected) c.fn++;
      else c.tn++;
      if (got !== expected) misses.push({ line: i + 1, detector: id, expected, text: l.text });
    }
  });
  const perDetector = detectorIds.map((detector) => {
    const c = counts.get(detector)!;
    return { detector, ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => perDetector.reduce((n, d) => n + d[k], 0);
  return {
    perDetector,
    precision: ratio(sum('tp'), sum('tp') + sum('fp')),
    recall: ratio(sum('tp'), sum('tp') + sum('fn')),
    replies: lines.length,
    misses,
    timings,
  };
}

export function formatEvaluation(e: Evaluation): string {
  const rows = e.perDetector.map(
    (d) => `${d.detector.padEnd(16)} ${String(d.tp).padStart(4)} ${String(d.fp).padStart(4)} ${String(d.fn).padStart(4)} ${String(d.tn).padStart(4)}   ${d.precision.toFixed(2)}      ${d.recall.toFixed(2)}`,
  );
  return [
    `${'detector'.padEnd(16)}   tp   fp   fn   tn   precision recall`,
    ...rows,
    `coach: precision ${e.precision.toFixed(2)} recall ${e.recall.toFixed(2)} over ${e.replies} replies`,
  ].join('\n');
}

const Paraphrase = z.strictObject({ scenarioId: z.string(), nodeId: z.string(), text: z.string().min(1), expect: z.string() });
export type LabelledParaphrase = z.output<typeof Paraphrase>;

export function parseParaphrases(source: string, file = 'input'): LabelledParaphrase[] {
  return parseLines(source, file, Paraphrase);
}

/** Share of paraphrases mapped to the choice they reword; `node` finds each one's scenario node. */
export function evaluateMapping(lines: LabelledParaphrase[], node: (scenarioId: string, nodeId: string) => NodeForMapping | undefined) {
  let agreed = 0;
  const wrong: { line: number; expected: string; got: string; text: string }[] = [];
  lines.forEach((l, i) => {
    const n = node(l.scenarioId, l.nodeId);
    if (!n) throw new CorpusError(`line ${i + 1}: no node ${l.scenarioId}/${l.nodeId}`);
    const got = nearestChoice(l.text, n.choices, n.context).choiceId;
    if (got === l.expect) agreed++;
    else wrong.push({ line: i + 1, expected: l.expect, got, text: l.text });
  });
  return { agreement: lines.length ? agreed / lines.length : 1, agreed, total: lines.length, wrong };
}

// ---- Judging a reply against its turn (context.ts) ----------------------------------------------------------

const ContextLine = z.strictObject({
  scenario: z.string().min(1),
  node: z.string().min(1),
  reply: z.string().min(1),
  earlier: z.array(z.string()).default([]),
  relevant: z.boolean(),
  repeats: z.boolean(),
  parrots: z.boolean(),
  misfits: z.array(z.enum(fitIds)),
});
export type LabelledTurnReply = z.output<typeof ContextLine>;

export function parseContextCorpus(source: string, file = 'input'): LabelledTurnReply[] {
  return parseLines(source, file, ContextLine);
}

/** Which detector's finding each misfit label names. */
const MISFIT_OF: Record<Fit, string> = {
  apology: 'real-apology',
  congratulation: 'congratulates',
  normalizing: 'normalizes',
  relating: 'relates',
  commitment: 'commits-action',
};

export const contextChecks = ['off-topic', 'repeats', 'parrots', ...fitIds.map((f) => `misfit:${f}`)] as const;

export interface ContextEvaluation {
  perCheck: { check: string; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number }[];
  precision: number;
  recall: number;
  replies: number;
  misses: { line: number; check: string; expected: boolean; text: string }[];
}

/**
 * How often the coach's judgement of a reply against its turn agrees with a trainer's: each check
 * (off the point, a repeat, parroting, each misfit move) counted as found or not, line by line.
 * `turnFor` gives the reply's context and turn at the labelled node.
 */
export function evaluateContext(lines: LabelledTurnReply[], turnFor: (l: LabelledTurnReply) => { context: ReplyContext; turn: Turn } | undefined): ContextEvaluation {
  const counts = new Map<string, { tp: number; fp: number; fn: number; tn: number }>(contextChecks.map((c) => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  const misses: ContextEvaluation['misses'] = [];
  lines.forEach((l, i) => {
    const t = turnFor(l);
    if (!t) throw new CorpusError(`line ${i + 1}: no node ${l.scenario}/${l.node}, or it has no about:`);
    const j = analyzeReply(l.reply, t.context, t.turn).judgement!;
    const got: Record<string, boolean> = { 'off-topic': !j.relevant, repeats: j.repeats, parrots: j.parrots };
    const want: Record<string, boolean> = { 'off-topic': !l.relevant, repeats: l.repeats, parrots: l.parrots };
    for (const f of fitIds) {
      got[`misfit:${f}`] = j.misfits.includes(MISFIT_OF[f]);
      want[`misfit:${f}`] = l.misfits.includes(f);
    }
    for (const check of contextChecks) {
      const c = counts.get(check)!;
      const [g, w] = [got[check]!, want[check]!];
      if (g && w) c.tp++;
      else if (g) c.fp++;
      else if (w) c.fn++;
      else c.tn++;
      if (g !== w) misses.push({ line: i + 1, check, expected: w, text: l.reply });
    }
  });
  const perCheck = contextChecks.map((check) => {
    const c = counts.get(check)!;
    return { check, ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => perCheck.reduce((n, d) => n + d[k], 0);
  return { perCheck, precision: ratio(sum('tp'), sum('tp') + sum('fp')), recall: ratio(sum('tp'), sum('tp') + sum('fn')), replies: lines.length, misses };
}

export function formatContextEvaluation(e: ContextEvaluation): string {
  return [
    `${'context check'.padEnd(22)}   tp   fp   fn   tn   precision recall`,
    ...e.perCheck.map(
      (d) => `${d.check.padEnd(22)} ${String(d.tp).padStart(4)} ${String(d.fp).padStart(4)} ${String(d.fn).padStart(4)} ${String(d.tn).padStart(4)}   ${d.precision.toFixed(2)}      ${d.recall.toFixed(2)}`,
    ),
    `context: precision ${e.precision.toFixed(2)} recall ${e.recall.toFixed(2)} over ${e.replies} replies`,
  ].join('\n');
}

/** Labelled turns as the relevance model learns from them: what relevanceFeatures reads, and whether a trainer called it relevant. */
export function relevanceExamples(lines: readonly LabelledTurnReply[], turnFor: (l: LabelledTurnReply) => { context: ReplyContext; turn: Turn } | undefined): Example[] {
  return lines.map((l, i) => {
    const t = turnFor(l);
    if (!t) throw new CorpusError(`line ${i + 1}: no node ${l.scenario}/${l.node}, or it has no about:`);
    return { features: relevanceFeatures(readReply(l.reply), analyzeReply(l.reply, t.context).findings, t.turn), label: l.relevant };
  });
}

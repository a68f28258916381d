// The coach's figures for `npm run bench`: detector precision and recall, choice mapping, time per reply.
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, evaluateContext, evaluateMapping, formatContextEvaluation, formatEvaluation, parseContextCorpus, parseCorpus, parseParaphrases } from '../lib/coach/training/evaluate';
import { readReply } from '../lib/coach/nlp';
import { coachNode, contextAt, hearReply } from '../lib/coach/nodes';
import { scenarioCatalogue } from '../lib/content/scenarios';
import { initialState } from '../lib/scenario/engine';

type Row = (figure: string, value: string, baseline: string, note?: string) => void;

const CORPUS = path.join('lib', 'coach', 'training', 'corpus');
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export function coachFigures(row: Row) {
  // The tuning corpus, then (when present) replies written separately that the detectors were never tuned on.
  for (const [file, label] of [
    ['replies.jsonl', 'labelled corpus'],
    ['holdout.jsonl', 'held-out replies (not used for tuning)'],
  ] as const) {
    const full = path.join(CORPUS, file);
    if (!fs.existsSync(full)) continue;
    const lines = parseCorpus(fs.readFileSync(full, 'utf8'), full);
    const e = evaluate(lines);
    console.log(`\n${formatEvaluation(e)}\n`);
    const worstP = e.perDetector.reduce((a, b) => (b.precision < a.precision ? b : a));
    const worstR = e.perDetector.reduce((a, b) => (b.recall < a.recall ? b : a));
    const pass = worstP.precision >= 0.9 && worstR.recall >= 0.8;
    row(
      `coach detectors on the ${label} (${e.replies} replies, 17 detectors)`,
      `precision ${e.precision.toFixed(2)}, recall ${e.recall.toFixed(2)}`,
      'hand labels',
      `lowest: precision ${worstP.precision.toFixed(2)} (${worstP.detector}), recall ${worstR.recall.toFixed(2)} (${worstR.detector}); target every detector ≥ 0.9 / ≥ 0.8: ${pass ? 'PASS' : 'FAIL'}`,
    );
    if (file === 'replies.jsonl') {
      // Time per reply: warm once, then every reply of the corpus, beside reading alone (wink-nlp's part).
      for (const l of lines.slice(0, 20)) readReply(l.text);
      const reading = lines.map((l) => {
        const t = performance.now();
        readReply(l.text);
        return performance.now() - t;
      });
      const median = quantile(e.timings, 0.5);
      const p95 = quantile(e.timings, 0.95);
      row(
        `coach analysis per reply (${lines.length} replies)`,
        `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
        `median ${quantile(reading, 0.5).toFixed(2)} ms, p95 ${quantile(reading, 0.95).toFixed(2)} ms reading the reply with wink-nlp alone`,
        `target under 20 ms: ${p95 < 20 ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  const catalogue = scenarioCatalogue();
  for (const [file, label] of [
    ['context.jsonl', 'replies labelled against their turn'],
    ['context-holdout.jsonl', 'first held-out replies labelled against their turn (now in the tuning pool)'],
    ['context-holdout-2.jsonl', 'second held-out replies labelled against their turn (now in the tuning pool)'],
    ['context-holdout-3.jsonl', 'third held-out replies labelled against their turn (now in the tuning pool)'],
    ['context-holdout-4.jsonl', 'fourth held-out replies labelled against their turn (not tuned on, not in the relevance model)'],
    ['context-holdout-5.jsonl', 'fifth held-out replies labelled against their turn (written after the relevance model, not tuned on)'],
  ] as const) {
    const full = path.join(CORPUS, file);
    const e = evaluateContext(parseContextCorpus(fs.readFileSync(full, 'utf8'), full), (l) => contextAt(catalogue.get(l.scenario), l.node, l.earlier));
    console.log(`\n${formatContextEvaluation(e)}\n`);
    row(
      `coach context checks on the ${label} (${e.replies} replies: off the point, repeats, parroting, 5 misfits)`,
      `precision ${e.precision.toFixed(2)}, recall ${e.recall.toFixed(2)}`,
      'hand labels',
      `target ≥ 0.9 / ≥ 0.8: ${e.precision >= 0.9 && e.recall >= 0.8 ? 'PASS' : 'FAIL'}`,
    );
  }
  worstCase(row, catalogue);
  const full = path.join(CORPUS, 'paraphrases.jsonl');
  const m = evaluateMapping(parseParaphrases(fs.readFileSync(full, 'utf8'), full), (scenarioId, nodeId) => coachNode(catalogue.get(scenarioId), nodeId));
  row(
    `typed reply mapped to the authored choice it rewords (${m.total} paraphrases)`,
    `${(m.agreement * 100).toFixed(1)}% agree with the hand label`,
    'hand labels',
    `target at least 85%: ${m.agreement >= 0.85 ? 'PASS' : 'FAIL'}`,
  );
}

/**
 * Replies built to be slow (1,200 characters of one word, or of many distinct ones), heard at a real node
 * as the server hears them, beside the corpus's replies heard the same way.
 */
function worstCase(row: Row, catalogue: ReturnType<typeof scenarioCatalogue>) {
  const g = catalogue.get('double-charge')!;
  const state = initialState(g.scenario, g.persona.mood);
  const scored = new Set(Object.keys(g.analysis.skills));
  const hear = (text: string) => {
    const t = performance.now();
    hearReply(g.scenario, g.persona.name, state, text, scored);
    return performance.now() - t;
  };
  const lines = parseCorpus(fs.readFileSync(path.join(CORPUS, 'replies.jsonl'), 'utf8'));
  for (const l of lines.slice(0, 20)) hear(l.text);
  const normal = lines.map((l) => hear(l.text));
  const words = [...new Set(lines.flatMap((l) => l.text.toLowerCase().match(/[a-z']+/g) ?? []))];
  const built = [
    ...['oh', 'sorry', 'worried', 'i', 'customername', 'you', 'the', 'will'].map((w) => `${w} `.repeat(600).slice(0, 1200)),
    words.slice(0, 400).join(' ').slice(0, 1200),
    words.slice(400, 800).join(' ').slice(0, 1200),
    Array.from({ length: 40 }, (_, i) => `I will ring you ${i}.`).join(' ').slice(0, 1200),
  ];
  const worst = Math.max(...built.map((t) => Math.min(hear(t), hear(t), hear(t))));
  const median = quantile(normal, 0.5);
  row(
    `slowest reply built to be slow, heard as the server hears it (${built.length} kinds, 1,200 characters)`,
    `${worst.toFixed(2)} ms (${(worst / median).toFixed(1)}× the median)`,
    `median ${median.toFixed(2)} ms, p95 ${quantile(normal, 0.95).toFixed(2)} ms for the ${normal.length} corpus replies`,
    `target a few times the median (≤ 8×): ${worst / median <= 8 ? 'PASS' : 'FAIL'}`,
  );
}

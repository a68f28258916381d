// The coach's figures for `npm run bench`: detector precision and recall, choice mapping, time per reply.
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, evaluateMapping, formatEvaluation, parseCorpus, parseParaphrases } from '../lib/coach/evaluate';
import { readReply } from '../lib/coach/nlp';
import { coachNode } from '../lib/scenario/coach-nodes';
import { scenarioCatalogue } from '../lib/scenario/course';

type Row = (figure: string, value: string, baseline: string, note?: string) => void;

const CORPUS = path.join('lib', 'coach', 'corpus');
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
  const full = path.join(CORPUS, 'paraphrases.jsonl');
  const m = evaluateMapping(parseParaphrases(fs.readFileSync(full, 'utf8'), full), (scenarioId, nodeId) => coachNode(catalogue.get(scenarioId), nodeId));
  row(
    `typed reply mapped to the authored choice it rewords (${m.total} paraphrases)`,
    `${(m.agreement * 100).toFixed(1)}% agree with the hand label`,
    'hand labels',
    `target at least 85%: ${m.agreement >= 0.85 ? 'PASS' : 'FAIL'}`,
  );
}

import { analyzeReply } from '@/lib/coach/analyze';
import { contextAt } from '@/lib/scenario/coach-nodes';
import { scenarioCatalogue } from '@/lib/scenario/course';
import fs from 'node:fs';
const lines = fs.readFileSync('lib/coach/corpus/context.jsonl','utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cat = scenarioCatalogue();
for (const n of [18, 64, 159, 210, 223, 12, 183, 206]) {
  const l = lines[n-1]; const at = contextAt(cat.get(l.scenario), l.node, l.earlier)!;
  const a = analyzeReply(l.reply, at.context, at.turn);
  console.log(n, l.misfits, at.turn.fits, a.findings.map((f) => f.detector).join(','));
}

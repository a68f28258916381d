// `npm run coach:eval -- FILE.jsonl`: how well the coach's detectors agree with labelled replies
// (`--paraphrases FILE.jsonl` instead: how often typed rewordings map to the choice they reword;
// `--context FILE.jsonl`: how often the coach's judgement of a reply against its turn agrees with a trainer's).
import fs from 'node:fs';
import { CorpusError, evaluate, evaluateContext, evaluateMapping, formatContextEvaluation, formatEvaluation, parseContextCorpus, parseCorpus, parseParaphrases } from '../lib/coach/training/evaluate';
import { coachNode, contextAt } from '../lib/coach/nodes';
import { scenarioCatalogue } from '../lib/content/scenarios';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error(
    'Usage: npm run coach:eval -- FILE.jsonl [--misses]\n' +
      '       npm run coach:eval -- --paraphrases FILE.jsonl [--misses]\n' +
      '       npm run coach:eval -- --context FILE.jsonl [--misses]\n' +
      'Each reply line: {"text": "...", "customerName": "...", "clue": "bad|good|null", "expect": {"names-feeling": true, ...}}\n' +
      'Each paraphrase line: {"scenarioId": "...", "nodeId": "...", "text": "...", "expect": "<choice id>"}',
  );
  process.exit(2);
}

try {
  const source = fs.readFileSync(file, 'utf8');
  if (args.includes('--context')) {
    const catalogue = scenarioCatalogue();
    const result = evaluateContext(parseContextCorpus(source, file), (l) => contextAt(catalogue.get(l.scenario), l.node, l.earlier));
    if (args.includes('--misses')) {
      for (const m of result.misses) console.log(`${file}:${m.line} ${m.expected ? 'missed' : 'false alarm'} ${m.check}: ${m.text}`);
      console.log('');
    }
    console.log(formatContextEvaluation(result));
  } else if (args.includes('--paraphrases')) {
    const catalogue = scenarioCatalogue();
    const result = evaluateMapping(parseParaphrases(source, file), (scenarioId, nodeId) => coachNode(catalogue.get(scenarioId), nodeId));
    if (args.includes('--misses')) for (const w of result.wrong) console.log(`${file}:${w.line} expected ${w.expected}, got ${w.got}: ${w.text}`);
    console.log(`choice mapping: ${result.agreed} of ${result.total} paraphrases (${(result.agreement * 100).toFixed(1)}%) map to the choice they reword`);
  } else {
    const result = evaluate(parseCorpus(source, file));
    if (args.includes('--misses')) {
      for (const m of result.misses) console.log(`${file}:${m.line} ${m.expected ? 'missed' : 'false alarm'} ${m.detector}: ${m.text}`);
      console.log('');
    }
    console.log(formatEvaluation(result));
  }
} catch (e) {
  if (e instanceof CorpusError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error((e as Error).message);
    process.exit(1);
  }
  throw e;
}

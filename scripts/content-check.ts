// `npm run content:check [-- FILE...]`: checks course content, prints file:line problems and the coverage table.
import { checkContent } from '../lib/content/check';
import { formatProblem } from '../lib/problems';

const started = performance.now();
const files = process.argv.slice(2);
const result = checkContent(process.cwd(), files);
const ms = (performance.now() - started).toFixed(0);

if (result.coverage.length) console.log(`${result.coverage.join('\n')}\n`);
if (result.scenarioReport.length) console.log(`${result.scenarioReport.join('\n')}\n`);
for (const n of result.notes) console.log(n);
if (result.problems.length) {
  console.error(`\n${result.problems.map((p) => formatProblem(p)).join('\n')}\n`);
  console.error(`✖ ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the course content (${ms} ms).`);
  process.exit(1);
}
console.log(
  `✓ ${files.length ? `${files.length} file${files.length === 1 ? '' : 's'}` : `${result.modules.length} modules and ${result.scenarios.length} scenarios`} checked, no problems (${ms} ms).`,
);

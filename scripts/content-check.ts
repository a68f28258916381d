// `npm run content:check`: validates course content. Modules and scenarios arrive with their own checks.
import fs from 'node:fs';
import path from 'node:path';

const dirs = ['content/modules', 'content/scenarios', 'content/personas'];
const counts = dirs.map((d) => {
  const n = fs.existsSync(d) ? fs.readdirSync(d).filter((f) => !f.startsWith('.')).length : 0;
  return `${path.basename(d)}: ${n}`;
});
console.log(`content:check — ${counts.join(', ')}. No content rules are defined yet; nothing to check.`);

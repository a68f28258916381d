// `npm run checkups:run`: creates the check-up runs that are due, for a scheduler (page loads do the same).
import { env } from '../lib/env';
import { runtimeDatabase } from '../db/runtime';
import { runDueCheckups } from '../lib/checkups/plans';
import { runWithDatabase } from './run-with-database';

async function main() {
  env();
  const handle = await runtimeDatabase(); // migrates
  const created = await runDueCheckups(handle.db);
  const assigned = created.reduce((n, r) => n + r.assignments, 0);
  console.log(
    created.length
      ? `Created ${created.length} check-up ${created.length === 1 ? 'run' : 'runs'}, ${assigned} scenarios assigned.`
      : 'No check-ups are due; nothing changed.',
  );
}

runWithDatabase(main);

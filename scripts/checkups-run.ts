// `npm run checkups:run`: creates the check-up runs that are due, for a scheduler (page loads do the same).
import { EnvError, env } from '../lib/env';
import { closeRuntimeDatabase, runtimeDatabase } from '../db/runtime';
import { DataDirError } from '../db/lock';
import { DatabaseUnavailableError } from '../db/client';
import { runDueCheckups } from '../lib/checkups/plans';

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

main()
  .catch((e) => {
    const known = e instanceof EnvError || e instanceof DataDirError || e instanceof DatabaseUnavailableError;
    console.error(known ? `✖ ${e.message}` : e);
    process.exitCode = 1;
  })
  .finally(() => closeRuntimeDatabase());

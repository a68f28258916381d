// `npm run db:migrate` and `npm run db:seed [-- --scale large]`: bring the configured database up to date, add the demo organisation (or a large generated one).
import { EnvError, env } from '../lib/env';
import { runtimeDatabase } from '../db/runtime';
import { seedDemo } from '../db/seed';
import { DEMO_PASSWORD } from '../lib/demo-roster';
import { runWithDatabase } from './run-with-database';

const command = process.argv[2];

/** `--scale large` (or `--scale=large`); anything else is refused rather than ignored. */
function scale(): 'demo' | 'large' {
  const args = process.argv.slice(3);
  const i = args.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (i < 0) return 'demo';
  const value = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  if (value !== 'large' && value !== 'demo') throw new EnvError([`--scale must be "demo" or "large", not "${value ?? ''}"`]);
  return value;
}

async function main() {
  env();
  const handle = await runtimeDatabase(); // migrates
  if (command === 'migrate') {
    console.log(`Database is up to date (${handle.driver}: ${handle.where}).`);
  } else if (command === 'seed' && scale() === 'large') {
    const { seedLarge, LARGE } = await import('../db/large');
    console.log(`Adding ${LARGE.teams} teams of ${LARGE.learnersPerTeam} learners with about ${LARGE.decisions.toLocaleString('en')} decisions…`);
    const made = await seedLarge(handle.db, { ...LARGE, log: console.log });
    console.log(`Added ${made.learners.toLocaleString('en')} learners in ${made.teams} teams with ${made.decisions.toLocaleString('en')} decisions (password ${DEMO_PASSWORD}; managers manager-org001@example.com …).`);
  } else if (command === 'seed') {
    const { usersAdded, historyAdded } = await seedDemo(handle.db);
    console.log(usersAdded || historyAdded ? `Added ${usersAdded} demo people${historyAdded ? ' and a team with history' : ''}.` : 'The demo organisation is already there; nothing changed.');
  } else {
    throw new EnvError([`unknown command "${command}" (use migrate or seed)`]);
  }
}

runWithDatabase(main);

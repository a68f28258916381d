// `npm run db:migrate` and `npm run db:seed`: bring the configured database up to date, add the demo organisation.
import { EnvError, env } from '../lib/env';
import { runtimeDatabase } from '../db/runtime';
import { seedDemo } from '../db/seed';
import { runWithDatabase } from './run-with-database';

const command = process.argv[2];

async function main() {
  env();
  const handle = await runtimeDatabase(); // migrates
  if (command === 'migrate') {
    console.log(`Database is up to date (${handle.driver}: ${handle.where}).`);
  } else if (command === 'seed') {
    const { usersAdded, historyAdded } = await seedDemo(handle.db);
    console.log(usersAdded || historyAdded ? `Added ${usersAdded} demo people${historyAdded ? ' and a team with history' : ''}.` : 'The demo organisation is already there; nothing changed.');
  } else {
    throw new EnvError([`unknown command "${command}" (use migrate or seed)`]);
  }
}

runWithDatabase(main);

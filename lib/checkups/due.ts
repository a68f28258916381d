// The page-load hook that keeps check-ups recurring without a scheduler; it never breaks the page.
import 'server-only';
import { getDb } from '@/db/runtime';
import { maybeRunDueCheckups } from './plans';

export async function runDueCheckupsOnLoad(): Promise<void> {
  try {
    const created = await maybeRunDueCheckups(await getDb());
    for (const r of created) console.log(`Check-ups: run ${r.runNo} of plan ${r.planId} assigned ${r.assignments} scenarios to ${r.learners} learners.`);
  } catch (e) {
    console.error('Check-ups: could not create the runs that are due; a page load in half a minute tries again.', e);
  }
}

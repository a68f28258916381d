// Keeps this process's catalogue in step with what the studio has published, so authored scenarios play everywhere shipped ones do.
import { desc, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { studioVersions } from '@/db/schema';
import { authoredStamp, setAuthored, shippedPersonas, versionHash, type Authored } from '@/lib/content/scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { lintScenario, parsePersona } from '@/lib/scenario/lint';
import type { Persona } from '@/lib/scenario/schema';
import { fileOf } from './check';

/** How stale another instance's publish may be here: one cheap query per second at most. */
export const SYNC_EVERY_MS = 1_000;

const KEY = Symbol.for('empathy-trainer.studio-sync');
type Holder = { checkedAt: number; loading?: Promise<void> };
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? { checkedAt: 0 };
(globalThis as Record<symbol, unknown>)[KEY] = holder;

/** The newest published version of every studio document. */
export function latestVersions(db: Db) {
  return db
    .selectDistinctOn([studioVersions.kind, studioVersions.id], {
      seq: studioVersions.seq,
      kind: studioVersions.kind,
      id: studioVersions.id,
      version: studioVersions.version,
      yaml: studioVersions.yaml,
    })
    .from(studioVersions)
    .orderBy(studioVersions.kind, studioVersions.id, desc(studioVersions.version));
}

/** What plays from the studio: the newest version of each document, read and checked as content/ files are. */
export async function readPublished(db: Db): Promise<Authored> {
  const rows = await latestVersions(db);
  const personas: Persona[] = [];
  for (const r of rows.filter((r) => r.kind === 'persona')) {
    const p = parsePersona(fileOf('persona', r.id), r.yaml).value;
    if (p && !shippedPersonas().has(p.id)) personas.push(p);
  }
  const all = new Map([...shippedPersonas(), ...personas.map((p) => [p.id, p] as const)]);
  const scenarios: LoadedScenario[] = [];
  for (const r of rows.filter((r) => r.kind === 'scenario')) {
    const file = fileOf('scenario', r.id);
    const linted = lintScenario(file, r.yaml, all);
    const persona = linted.scenario && all.get(linted.scenario.persona);
    // It passed when published; a later rule change can only be fixed by publishing again, and until then it stays out rather than playing wrong.
    if (!linted.scenario || !linted.analysis || !persona) {
      console.error(`Studio scenario "${r.id}" no longer passes the linter and is not served: ${linted.problems.map((p) => p.message).join('; ')}`);
      continue;
    }
    scenarios.push({ scenario: linted.scenario, analysis: linted.analysis, persona, file: `studio:${file}`, hash: versionHash(linted.scenario, persona.mood) });
  }
  // The newest publish of all is some document's newest version, so it is among these rows.
  return { stamp: Math.max(0, ...rows.map((r) => r.seq)), scenarios, personas };
}

/**
 * Brings the catalogue up to date when something was published since it was read: at most one
 * query a second, or at once with `force` (after a publish in this process).
 */
export async function syncStudio(db: Db, force = false): Promise<void> {
  if (!force && Date.now() - holder.checkedAt < SYNC_EVERY_MS) return;
  if (holder.loading) {
    // A read already under way may have started before the publish that forces this one.
    await holder.loading.catch(() => {});
    if (!force) return;
  }
  const loading = (async () => {
    const [top] = await db.select({ stamp: max(studioVersions.seq) }).from(studioVersions);
    if ((top?.stamp ?? 0) !== authoredStamp()) setAuthored(await readPublished(db));
    holder.checkedAt = Date.now();
  })();
  holder.loading = loading;
  try {
    await loading;
  } finally {
    if (holder.loading === loading) holder.loading = undefined;
  }
}

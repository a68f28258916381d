// Publishing a studio document: refused while the linter or the strategy gate finds a problem; otherwise a new version that plays from the next start on.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { studioVersions } from '@/db/schema';
import { audit } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';
import { jsonError } from '@/lib/http';
import type { ContentProblem } from '@/lib/problems';
import { syncStudio } from './catalogue';
import { gateScenario, lintDocument, type GateReport } from './check';
import { requireDocument, versionYaml, type StudioKind } from './documents';

export type PublishResult =
  | { published: true; version: number }
  | { published: false; reason: 'lint' | 'gate'; problems: ContentProblem[]; gate?: GateReport };

/** Whether YAML may be published: no lint problem, and for a scenario no strategy that ignores the customer passes. */
export function publishCheck(kind: StudioKind, id: string, yaml: string): { ok: true } | Extract<PublishResult, { published: false }> {
  const linted = lintDocument(kind, id, yaml);
  if (linted.problems.length > 0) return { published: false, reason: 'lint', problems: linted.problems };
  if (kind === 'persona') return { ok: true };
  const gate = gateScenario(id, linted);
  if (!gate) return { published: false, reason: 'lint', problems: [{ file: id, line: 1, message: 'the scenario could not be analysed', hint: 'fix the problems the linter lists' }] };
  if (gate.problems.length > 0) return { published: false, reason: 'gate', problems: gate.problems, gate };
  return { ok: true };
}

async function addVersion(db: Db, actorId: string, kind: StudioKind, id: string, yaml: string, note: string | null): Promise<number> {
  try {
    // The next number is taken in the same statement; two publishes at once meet the unique index, and one is told.
    const [row] = await queryRows<{ version: number }>(
      db,
      sql`insert into ${studioVersions} (kind, id, version, yaml, note, published_by)
          select ${kind}::studio_kind, ${id}::text, coalesce(max(version), 0) + 1, ${yaml}::text, ${note}::text, ${actorId}::uuid
          from ${studioVersions} where kind = ${kind} and id = ${id}
          returning version`,
    );
    return row!.version;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new HttpError(409, 'Someone else published this a moment ago. Reload to see their version, then publish again.');
    throw e;
  }
}

/**
 * Publishes the draft as it was when the author pressed Publish (`revision`): a newer save by
 * someone else is refused rather than published unseen.
 */
export async function publishDraft(db: Db, actorId: string, kind: StudioKind, id: string, revision: number): Promise<PublishResult> {
  const doc = await requireDocument(db, kind, id);
  if (doc.revision !== revision) throw new HttpError(409, `${doc.updatedBy ?? 'Someone'} saved a newer draft. Look at it, then publish again.`);
  if (doc.published?.yaml === doc.draft) throw new HttpError(409, `Nothing has changed since version ${doc.published.version}.`);
  const check = publishCheck(kind, id, doc.draft);
  if (!('ok' in check)) return check;
  const version = await addVersion(db, actorId, kind, id, doc.draft, null);
  await audit(db, { action: 'studio.published', actorId, subject: `${kind}:${id}`, detail: { version } });
  await syncStudio(db, true);
  return { published: true, version };
}

/** Publishes an earlier version again as the newest, checked as any publish is; the draft is left as it is. */
export async function rollBack(db: Db, actorId: string, kind: StudioKind, id: string, to: number): Promise<PublishResult> {
  const doc = await requireDocument(db, kind, id);
  const yaml = await versionYaml(db, kind, id, to);
  if (doc.published?.version === to) throw new HttpError(409, `Version ${to} is already the one that plays.`);
  const check = publishCheck(kind, id, yaml);
  if (!('ok' in check)) return check;
  const version = await addVersion(db, actorId, kind, id, yaml, `Rolled back to version ${to}`);
  await audit(db, { action: 'studio.rolled_back', actorId, subject: `${kind}:${id}`, detail: { version, to } });
  await syncStudio(db, true);
  return { published: true, version };
}

/** A refused publish as the studio shows it: a sentence, then every problem and the gate's table. */
export function publishRefusal(result: Extract<PublishResult, { published: false }>): Response {
  const n = result.problems.length;
  const why = result.reason === 'lint' ? `the linter found ${n} problem${n === 1 ? '' : 's'}` : 'a strategy that ignores the customer passes it';
  return jsonError(422, `Not published: ${why}.`, { reason: result.reason, problems: result.problems, gate: result.gate ?? null });
}

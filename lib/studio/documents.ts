// The studio's documents: scenarios and personas written in the browser, each a draft that autosaves and the versions published from it.
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { studioDocuments, studioVersions, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { HttpError } from '@/lib/http-error';
import { shippedPersonas, shippedScenarios } from '@/lib/content/scenarios';

import type { StudioKind } from './lint';

export type { StudioKind };

/** Drafts and published files are YAML of the same size as content/ files: a long scenario is about 60 KB. */
export const MAX_YAML_BYTES = 256 * 1024;

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The studio's addresses say scenarios/… and personas/…, as content/ does. */
export const segmentOf = (kind: StudioKind) => (kind === 'scenario' ? 'scenarios' : 'personas');

export function kindOf(segment: string): StudioKind {
  if (segment === 'scenarios') return 'scenario';
  if (segment === 'personas') return 'persona';
  throw new HttpError(404, 'The studio has scenarios and personas only.');
}

export interface StudioDocument {
  kind: StudioKind;
  id: string;
  draft: string;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
  /** The newest published version, if any. */
  published: { version: number; yaml: string; at: Date } | null;
}

export interface VersionRow {
  version: number;
  note: string | null;
  publishedAt: Date;
  publishedBy: string | null;
}

/** A save that was based on an older revision: nothing was written, and this is what is there now. */
export interface Conflict {
  conflict: true;
  current: { draft: string; revision: number; updatedAt: Date; updatedBy: string | null };
}

export const notFound = (kind: StudioKind, id: string) => new HttpError(404, `There is no ${kind} "${id}" in the studio.`);

/** Whether an id is taken by shipped content, which the studio never replaces. */
export function isShipped(kind: StudioKind, id: string): boolean {
  return kind === 'scenario' ? shippedScenarios().has(id) : shippedPersonas().has(id);
}

const editor = alias(users, 'editor');

export async function getDocument(db: Db, kind: StudioKind, id: string): Promise<StudioDocument | undefined> {
  // Ids come from addresses; one that could never have been created names nothing (and never reaches the database).
  if (!KEBAB.test(id) || id.length > 100) return undefined;
  const [row] = await db
    .select({
      kind: studioDocuments.kind,
      id: studioDocuments.id,
      draft: studioDocuments.draft,
      revision: studioDocuments.revision,
      updatedAt: studioDocuments.updatedAt,
      updatedBy: editor.name,
    })
    .from(studioDocuments)
    .leftJoin(editor, eq(editor.id, studioDocuments.updatedBy))
    .where(and(eq(studioDocuments.kind, kind), eq(studioDocuments.id, id)));
  if (!row) return undefined;
  const [latest] = await db
    .select({ version: studioVersions.version, yaml: studioVersions.yaml, at: studioVersions.publishedAt })
    .from(studioVersions)
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.id, id)))
    .orderBy(desc(studioVersions.version))
    .limit(1);
  return { ...row, published: latest ?? null };
}

export async function requireDocument(db: Db, kind: StudioKind, id: string): Promise<StudioDocument> {
  const doc = await getDocument(db, kind, id);
  if (!doc) throw notFound(kind, id);
  return doc;
}

/**
 * Starts a document with the given YAML (a template, a copy of shipped content or an imported file).
 * An id already in the studio or in content/ is refused: ids name scenarios in every report.
 */
export async function createDocument(db: Db, actorId: string, kind: StudioKind, id: string, yaml: string): Promise<StudioDocument> {
  if (!KEBAB.test(id)) throw new HttpError(400, `"${id}" is not a usable id: use lowercase words joined by hyphens, like broken-boiler.`);
  if (isShipped(kind, id)) throw new HttpError(409, `A shipped ${kind} is already called "${id}". Choose another id.`);
  const created = await db
    .insert(studioDocuments)
    .values({ kind, id, draft: yaml, createdBy: actorId, updatedBy: actorId })
    .onConflictDoNothing()
    .returning({ id: studioDocuments.id });
  if (created.length === 0) throw new HttpError(409, `The studio already has a ${kind} called "${id}". Open it, or choose another id.`);
  await audit(db, { action: 'studio.created', actorId, subject: `${kind}:${id}` });
  return requireDocument(db, kind, id);
}

/**
 * Saves a draft if it is based on the revision now stored, in one statement, so two authors
 * saving at once cannot both win: the second is told what the first saved, and keeps its text.
 */
export async function saveDraft(db: Db, actorId: string, kind: StudioKind, id: string, draft: string, baseRevision: number): Promise<{ revision: number; updatedAt: Date } | Conflict> {
  const [saved] = await db
    .update(studioDocuments)
    .set({ draft, revision: sql`${studioDocuments.revision} + 1`, updatedBy: actorId, updatedAt: sql`now()` })
    .where(and(eq(studioDocuments.kind, kind), eq(studioDocuments.id, id), eq(studioDocuments.revision, baseRevision)))
    .returning({ revision: studioDocuments.revision, updatedAt: studioDocuments.updatedAt });
  if (saved) return saved;
  const current = await requireDocument(db, kind, id);
  return { conflict: true, current: { draft: current.draft, revision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy } };
}

export async function versionsOf(db: Db, kind: StudioKind, id: string): Promise<VersionRow[]> {
  const publisher = alias(users, 'publisher');
  return db
    .select({ version: studioVersions.version, note: studioVersions.note, publishedAt: studioVersions.publishedAt, publishedBy: publisher.name })
    .from(studioVersions)
    .leftJoin(publisher, eq(publisher.id, studioVersions.publishedBy))
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.id, id)))
    .orderBy(desc(studioVersions.version));
}

export async function versionYaml(db: Db, kind: StudioKind, id: string, version: number): Promise<string> {
  const [row] = await db
    .select({ yaml: studioVersions.yaml })
    .from(studioVersions)
    .where(and(eq(studioVersions.kind, kind), eq(studioVersions.id, id), eq(studioVersions.version, version)));
  if (!row) throw new HttpError(404, `${kind} "${id}" has no version ${version}.`);
  return row.yaml;
}

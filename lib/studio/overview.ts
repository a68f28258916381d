// What /studio lists: every scenario and persona, shipped or written here, with its status, version, last editor and lint state.
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { studioDocuments, users } from '@/db/schema';
import { personaCatalogue, shippedPersonas, shippedScenarios } from '@/lib/content/scenarios';
import { latestVersions } from './catalogue';
import { lintDocument } from './check';
import type { StudioKind } from './documents';

export interface StudioRow {
  kind: StudioKind;
  id: string;
  title: string;
  source: 'shipped' | 'studio';
  /** Draft: never published. Changed: published, with a newer draft. */
  status: 'shipped' | 'draft' | 'published' | 'changed';
  version: number | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** Problems the linter finds in the draft (shipped content is checked by content:check). */
  problems: number;
}

/** Every document, studio ones first (newest edit first), then shipped ones by title. */
export async function studioOverview(db: Db): Promise<{ scenarios: StudioRow[]; personas: StudioRow[] }> {
  const editor = alias(users, 'editor');
  const docs = await db
    .select({ kind: studioDocuments.kind, id: studioDocuments.id, draft: studioDocuments.draft, updatedAt: studioDocuments.updatedAt, updatedBy: editor.name })
    .from(studioDocuments)
    .leftJoin(editor, eq(editor.id, studioDocuments.updatedBy))
    .orderBy(desc(studioDocuments.updatedAt));
  const published = new Map((await latestVersions(db)).map((v) => [`${v.kind}:${v.id}`, v]));
  const personas = personaCatalogue();

  const rows = docs.map((d): StudioRow => {
    const linted = lintDocument(d.kind, d.id, d.draft, personas);
    const latest = published.get(`${d.kind}:${d.id}`);
    const version = latest?.version ?? null;
    const status = !latest ? 'draft' : latest.yaml === d.draft ? 'published' : 'changed';
    const title = (d.kind === 'scenario' ? linted.scenario?.title : linted.persona?.name) ?? titleIn(d.draft) ?? d.id;
    return { kind: d.kind, id: d.id, title, source: 'studio', status, version, updatedAt: d.updatedAt, updatedBy: d.updatedBy, problems: linted.problems.length };
  });
  const shipped = (kind: StudioKind, entries: { id: string; title: string }[]): StudioRow[] =>
    entries
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((e) => ({ kind, ...e, source: 'shipped', status: 'shipped', version: null, updatedAt: null, updatedBy: null, problems: 0 }));
  return {
    scenarios: [
      ...rows.filter((r) => r.kind === 'scenario'),
      ...shipped('scenario', [...shippedScenarios().values()].map((s) => ({ id: s.scenario.id, title: s.scenario.title }))),
    ],
    personas: [...rows.filter((r) => r.kind === 'persona'), ...shipped('persona', [...shippedPersonas().values()].map((p) => ({ id: p.id, title: p.name })))],
  };
}

/** The title line of a draft the linter cannot read yet, so the list still names it. */
function titleIn(draft: string): string | undefined {
  return /^(?:title|name):\s*(.+)$/m.exec(draft)?.[1]?.replace(/^['"]|['"]$/g, '').trim();
}

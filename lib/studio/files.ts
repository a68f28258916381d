// Studio documents as files: a copy of shipped content to start from, YAML imported from git, and YAML exported exactly as content/ holds it.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import type { Db } from '@/db/client';
import { HttpError } from '@/lib/http-error';
import type { ContentProblem } from '@/lib/problems';
import { lintDocument } from './check';
import { createDocument, getDocument, isShipped, KEBAB, requireDocument, saveDraft, versionYaml, type StudioDocument, type StudioKind } from './documents';
import { setIn } from './yaml-edit';

const folder = (kind: StudioKind) => path.join(process.cwd(), 'content', kind === 'scenario' ? 'scenarios' : 'personas');

/** The text of a shipped file, as git holds it. */
export function shippedYaml(kind: StudioKind, id: string): string {
  if (!KEBAB.test(id) || !isShipped(kind, id)) throw new HttpError(404, `There is no shipped ${kind} "${id}".`);
  return fs.readFileSync(path.join(folder(kind), `${id}.yaml`), 'utf8');
}

/** A shipped scenario or persona under a new id (and title or name), to edit in the studio. */
export async function copyShipped(db: Db, actorId: string, kind: StudioKind, from: string, id: string, title?: string): Promise<StudioDocument> {
  let text = setIn(shippedYaml(kind, from), ['id'], id)!;
  if (title) text = setIn(text, [kind === 'scenario' ? 'title' : 'name'], title)!;
  return createDocument(db, actorId, kind, id, text);
}

export type ImportResult = { imported: StudioDocument } | { problems: ContentProblem[] };

/**
 * Takes a YAML file written elsewhere. Anything the linter finds is listed and nothing is saved;
 * a clean file becomes a new document, or with `replace` the draft of the one with its id.
 */
export async function importYaml(db: Db, actorId: string, kind: StudioKind, yaml: string, replace = false): Promise<ImportResult> {
  const id = idIn(yaml);
  // Without a usable id the file is still linted, so a syntax error is named at its line.
  const { problems } = lintDocument(kind, id ?? 'imported', yaml);
  if (!id && !problems.some((p) => /id/.test(p.message))) {
    problems.unshift({ file: 'imported file', line: 1, message: 'the file has no usable id: line', hint: 'add id: followed by lowercase words joined by hyphens, like broken-boiler' });
  }
  if (problems.length > 0 || !id) return { problems };
  const existing = await getDocument(db, kind, id);
  if (!existing) return { imported: await createDocument(db, actorId, kind, id, yaml) };
  if (!replace) throw new HttpError(409, `The studio already has a ${kind} called "${id}". Import it as its new draft, or change the id in the file.`);
  const saved = await saveDraft(db, actorId, kind, id, yaml, existing.revision);
  if ('conflict' in saved) throw new HttpError(409, `${saved.current.updatedBy ?? 'Someone'} saved "${id}" while it was being imported. Try again.`);
  return { imported: await requireDocument(db, kind, id) };
}

function idIn(yaml: string): string | undefined {
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const id = doc.get('id');
  return typeof id === 'string' && KEBAB.test(id) ? id : undefined;
}

/** A version (or, with none, the draft) as the YAML file content/ would hold. Shipped ones are their file. */
export async function exportYaml(db: Db, kind: StudioKind, id: string, version?: number): Promise<string> {
  if (isShipped(kind, id)) return shippedYaml(kind, id);
  if (version !== undefined) return versionYaml(db, kind, id, version);
  return (await requireDocument(db, kind, id)).draft;
}

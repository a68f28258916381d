// The studio's documents on a real database: drafts two authors save at once, publishing refused by the linter and the gate, versions, rollback, import and export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, studioDocuments, studioVersions } from '@/db/schema';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { checkContent } from '@/lib/content/check';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { startAttempt } from '@/lib/attempts/start';
import { getAttempt } from '@/lib/attempts/read';
import { SYNC_EVERY_MS, syncStudio } from './catalogue';
import { createDocument, requireDocument, saveDraft, versionsOf } from './documents';
import { copyShipped, exportYaml, importYaml, shippedYaml } from './files';
import { publishDraft, rollBack } from './publish';
import { longestWins } from './testing';
import { setIn } from './yaml-edit';

describe.each(testDrivers)('the scenario studio on %s', (driver) => {
  const t = blockDatabase(driver);
  let ana: { id: string };
  let ben: { id: string };
  let learner: { id: string };
  beforeAll(async () => {
    ana = await makeUser(t.db, { email: 'ana.author@example.com', name: 'Ana Author' });
    ben = await makeUser(t.db, { email: 'ben.author@example.com', name: 'Ben Author' });
    learner = await makeUser(t.db, { email: 'studio.learner@example.com' });
  });

  it('starts a document as a copy of a shipped scenario under its own id', async () => {
    const doc = await copyShipped(t.db, ana.id, 'scenario', 'double-charge', 'studio-double-charge', 'Charged twice, our way');
    expect(doc.revision).toBe(1);
    expect(doc.published).toBeNull();
    expect(doc.draft).toMatch(/^id: studio-double-charge$/m);
    expect(doc.draft).toMatch(/^title: Charged twice, our way$/m);
    // Only those two lines differ from the shipped file.
    const before = shippedYaml('scenario', 'double-charge').split('\n');
    const changed = doc.draft.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['id: studio-double-charge', 'title: Charged twice, our way']);
    await expect(copyShipped(t.db, ben.id, 'scenario', 'double-charge', 'studio-double-charge')).rejects.toMatchObject({ status: 409 });
    await expect(createDocument(t.db, ben.id, 'scenario', 'double-charge', doc.draft)).rejects.toMatchObject({ status: 409 });
    await expect(createDocument(t.db, ben.id, 'scenario', 'Not An Id', doc.draft)).rejects.toMatchObject({ status: 400 });
  });

  it('keeps both authors’ work when they save one draft at once: the second is told and handed what the first saved', async () => {
    const doc = await requireDocument(t.db, 'scenario', 'studio-double-charge');
    const anaText = setIn(doc.draft, ['summary'], 'Ana’s summary.')!;
    const benText = setIn(doc.draft, ['summary'], 'Ben’s summary.')!;
    const [a, b] = await Promise.all([
      saveDraft(t.db, ana.id, 'scenario', doc.id, anaText, doc.revision),
      saveDraft(t.db, ben.id, 'scenario', doc.id, benText, doc.revision),
    ]);
    const won = [a, b].filter((r) => !('conflict' in r));
    const lost = [a, b].filter((r) => 'conflict' in r);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const stored = await requireDocument(t.db, 'scenario', doc.id);
    expect(stored.revision).toBe(doc.revision + 1);
    expect([anaText, benText]).toContain(stored.draft);
    const conflict = lost[0] as Extract<typeof a, { conflict: true }>;
    expect(conflict.current).toMatchObject({ draft: stored.draft, revision: stored.revision });
    expect(['Ana Author', 'Ben Author']).toContain(conflict.current.updatedBy);
    // The loser saves again on top of what it was handed, and nothing is lost.
    const merged = setIn(stored.draft, ['summary'], 'Ana’s and Ben’s summary.')!;
    const again = await saveDraft(t.db, ana.id, 'scenario', doc.id, merged, conflict.current.revision);
    expect(again).toMatchObject({ revision: stored.revision + 1 });
  });

  it('refuses to publish while the linter finds a problem, naming its line', async () => {
    const doc = await requireDocument(t.db, 'scenario', 'studio-double-charge');
    const start = parseDocument(doc.draft).get('start') as string;
    const broken = setIn(doc.draft, ['nodes', start, 'choices', 0, 'next'], 'nowhere')!;
    const saved = await saveDraft(t.db, ana.id, 'scenario', doc.id, broken, doc.revision);
    if ('conflict' in saved) throw new Error('unexpected conflict');
    const result = await publishDraft(t.db, ana.id, 'scenario', doc.id, saved.revision);
    expect(result.published).toBe(false);
    if (result.published) return;
    expect(result.reason).toBe('lint');
    const problem = result.problems.find((p) => p.message.includes('"nowhere"'));
    expect(problem?.hint).toMatch(/use one of/);
    expect(broken.split('\n')[problem!.line - 1]).toMatch(/next: nowhere/);
    expect((await t.db.select({ n: count() }).from(studioVersions).where(eq(studioVersions.id, doc.id)))[0]!.n).toBe(0);
  });

  it('refuses to publish when a strategy that ignores the customer passes', async () => {
    const doc = await requireDocument(t.db, 'scenario', 'studio-double-charge');
    const clean = setIn(shippedYaml('scenario', 'double-charge'), ['id'], doc.id)!;
    const saved = await saveDraft(t.db, ana.id, 'scenario', doc.id, longestWins(clean), doc.revision);
    if ('conflict' in saved) throw new Error('unexpected conflict');
    const result = await publishDraft(t.db, ana.id, 'scenario', doc.id, saved.revision);
    expect(result).toMatchObject({ published: false, reason: 'gate' });
    if (result.published) return;
    expect(result.gate?.rows.find((r) => r.strategy === 'longest')).toMatchObject({ passes: true });
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/"longest" passes this scenario/);
  });

  it('publishes versions that play everywhere, keeps an attempt on the version it started, and rolls back', async () => {
    const doc = await requireDocument(t.db, 'scenario', 'studio-double-charge');
    const v1Text = setIn(shippedYaml('scenario', 'double-charge'), ['id'], doc.id)!;
    let saved = await saveDraft(t.db, ana.id, 'scenario', doc.id, v1Text, doc.revision);
    if ('conflict' in saved) throw new Error('unexpected conflict');
    // Publishing what someone else has since replaced is refused.
    await expect(publishDraft(t.db, ana.id, 'scenario', doc.id, saved.revision - 1)).rejects.toMatchObject({ status: 409 });
    expect(await publishDraft(t.db, ana.id, 'scenario', doc.id, saved.revision)).toEqual({ published: true, version: 1 });
    await expect(publishDraft(t.db, ana.id, 'scenario', doc.id, saved.revision)).rejects.toMatchObject({ status: 409 });
    const v1 = scenarioCatalogue().get(doc.id);
    expect(v1?.scenario.title).toBe('The double charge');
    const { attemptId } = await startAttempt(t.db, learner.id, v1!, 'practice');

    const start = v1!.scenario.start;
    const v2Text = setIn(v1Text, ['nodes', start, 'customer'], 'You have taken my money twice and I want it back today.')!;
    saved = await saveDraft(t.db, ben.id, 'scenario', doc.id, v2Text, saved.revision);
    if ('conflict' in saved) throw new Error('unexpected conflict');
    expect(await publishDraft(t.db, ben.id, 'scenario', doc.id, saved.revision)).toEqual({ published: true, version: 2 });
    expect(scenarioCatalogue().get(doc.id)?.scenario.nodes[start]?.customer).toBe('You have taken my money twice and I want it back today.');
    const inFlight = await getAttempt(t.db, learner.id, attemptId);
    expect(inFlight?.turn?.customer).toBe(v1!.scenario.nodes[start]!.customer);

    expect(await rollBack(t.db, ana.id, 'scenario', doc.id, 1)).toEqual({ published: true, version: 3 });
    expect(scenarioCatalogue().get(doc.id)?.hash).toBe(v1!.hash);
    expect((await versionsOf(t.db, 'scenario', doc.id)).map((v) => [v.version, v.note, v.publishedBy])).toEqual([
      [3, 'Rolled back to version 1', 'Ana Author'],
      [2, null, 'Ben Author'],
      [1, null, 'Ana Author'],
    ]);
    const logged = await t.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.subject, `scenario:${doc.id}`))
      .orderBy(auditLog.id);
    expect(logged.map((l) => l.action)).toEqual(['studio.created', 'studio.published', 'studio.published', 'studio.rolled_back']);
    expect(logged.at(-1)!.detail).toEqual({ version: 3, to: 1 });
    // A shipped id is never replaced by a studio document.
    expect(scenarioCatalogue().get('double-charge')?.file).not.toMatch(/^studio:/);
  });

  it('reads what another instance published within a second, and at once when forced', async () => {
    await syncStudio(t.db, true);
    const text = setIn(shippedYaml('scenario', 'locked-out'), ['id'], 'elsewhere-locked-out')!;
    // Another instance's publish: a row this process did not write.
    await t.db.insert(studioVersions).values({ kind: 'scenario', id: 'elsewhere-locked-out', version: 1, yaml: text, publishedBy: ana.id });
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(now + 10);
      await syncStudio(t.db);
      expect(scenarioCatalogue().has('elsewhere-locked-out')).toBe(false);
      clock.mockReturnValue(now + SYNC_EVERY_MS + 10);
      await syncStudio(t.db);
      expect(scenarioCatalogue().get('elsewhere-locked-out')?.file).toBe('studio:scenarios/elsewhere-locked-out.yaml');
    } finally {
      clock.mockRestore();
    }
  });

  it('publishes a persona, which scenarios written here can then feature', async () => {
    await copyShipped(t.db, ana.id, 'persona', 'yusuf-demirci', 'studio-customer', 'Dana Whitlock');
    const scenario = setIn(shippedYaml('scenario', 'double-charge'), ['id'], 'featuring-dana')!;
    const draft = setIn(scenario, ['persona'], 'studio-customer')!;
    const doc = await createDocument(t.db, ana.id, 'scenario', 'featuring-dana', draft);
    const before = await publishDraft(t.db, ana.id, 'scenario', doc.id, doc.revision);
    expect(before).toMatchObject({ published: false, reason: 'lint' });
    if (!before.published) expect(before.problems[0]!.message).toBe('persona "studio-customer" does not exist');
    const persona = await requireDocument(t.db, 'persona', 'studio-customer');
    expect(await publishDraft(t.db, ana.id, 'persona', persona.id, persona.revision)).toEqual({ published: true, version: 1 });
    expect(await publishDraft(t.db, ana.id, 'scenario', doc.id, doc.revision)).toEqual({ published: true, version: 1 });
    expect(scenarioCatalogue().get('featuring-dana')?.persona.name).toBe('Dana Whitlock');
    // A persona may not take a shipped persona's id.
    await expect(createDocument(t.db, ana.id, 'persona', 'yusuf-demirci', persona.draft)).rejects.toMatchObject({ status: 409 });
  });

  it('imports nothing from a broken file, and lists its problems with their lines', async () => {
    const before = (await t.db.select({ n: count() }).from(studioDocuments))[0]!.n;
    const unparseable = 'id: broken-import\ntitle: Broken\nnodes:\n  a:\n    customer: "unclosed\n';
    const r1 = await importYaml(t.db, ana.id, 'scenario', unparseable);
    expect('problems' in r1 && r1.problems[0]!.line).toBeGreaterThan(0);
    const badNext = setIn(setIn(shippedYaml('scenario', 'locked-out'), ['id'], 'broken-import')!, ['start'], 'nowhere')!;
    const r2 = await importYaml(t.db, ana.id, 'scenario', badNext);
    if (!('problems' in r2)) throw new Error('imported a broken file');
    const startProblem = r2.problems.find((p) => p.message.includes('start "nowhere"'));
    expect(badNext.split('\n')[startProblem!.line - 1]).toBe('start: nowhere');
    expect((await t.db.select({ n: count() }).from(studioDocuments))[0]!.n).toBe(before);
  });

  it('exports YAML that content:check passes and that imports back unchanged', async () => {
    const exported = await exportYaml(t.db, 'scenario', 'studio-double-charge', 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-export-'));
    const file = path.join(dir, 'studio-double-charge.yaml');
    fs.writeFileSync(file, exported);
    expect(checkContent(process.cwd(), [file]).problems).toEqual([]);
    const back = await importYaml(t.db, ana.id, 'scenario', fs.readFileSync(file, 'utf8'), true);
    if (!('imported' in back)) throw new Error(back.problems.map((p) => p.message).join('; '));
    expect(back.imported.draft).toBe(exported);
    expect(await exportYaml(t.db, 'scenario', 'studio-double-charge')).toBe(exported);
    await expect(importYaml(t.db, ana.id, 'scenario', exported)).rejects.toMatchObject({ status: 409 });
    // A shipped file exports as git holds it.
    expect(await exportYaml(t.db, 'scenario', 'locked-out')).toBe(fs.readFileSync('content/scenarios/locked-out.yaml', 'utf8'));
  });
});

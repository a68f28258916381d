import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers } from '@/db/testing';
import { readiness } from './readiness';

describe.each(testDrivers)('readiness on %s', (driver) => {
  it('is 200 while the database answers and 503 with a reason once it cannot', async () => {
    const t = await createTestDatabase(driver);
    const up = await readiness(async () => t.db);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ok: true, database: 'up' });
    await t.dispose();
    const down = await readiness(async () => t.db);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, database: 'down', error: expect.stringMatching(/^The database cannot be reached: /) });
  });

  it('gives up after its time limit rather than hanging a probe', async () => {
    const stuck = await readiness(() => new Promise(() => {}), 50);
    expect(stuck.status).toBe(503);
    expect(((await stuck.json()) as { error: string }).error).toContain('no answer within 50 ms');
  });
});

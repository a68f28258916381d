import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { displayName, verifyScormLaunch } from './launch';
import { createPackage, packageFromToken, packageTargets, packageToken, revokePackage } from './packages';
import { packageZip } from './zip';
import { refusalOf as refusal } from '@/lib/lti/testing';

const SECRET = 'a-test-session-secret-of-some-length';
const origin = 'https://lms.example.com';

describe.each(testDrivers)('SCORM packages on %s', (driver) => {
  const t = blockDatabase(driver);
  let adminId = '';
  beforeAll(async () => {
    adminId = (await makeUser(t.db, { email: 'admin@company.example', role: 'admin' })).id;
  });

  it('signs a learner in by their LMS id: one account per LMS and learner, named as the trainer writes names', async () => {
    const { pkg, target } = await createPackage(t.db, adminId, { target: 'scenario:double-charge', lms: 'Cornerstone' });
    expect(target.path).toBe('/practice/double-charge');
    const token = await packageToken(pkg, SECRET);
    const launch = (studentId: string, studentName = 'Natarajan, Priya') => verifyScormLaunch(t.db, { token, studentId, studentName, origin }, SECRET);
    const first = await launch('cs-1001');
    expect(first).toMatchObject({ origin, path: '/practice/double-charge', user: { name: 'Priya Natarajan', role: 'learner', passwordHash: null } });
    expect(first.user.email).toMatch(/^scorm-[0-9a-f]{20}@scorm\.invalid$/);
    expect(first.frameOrigins).toEqual([origin]);
    expect((await launch('cs-1001', 'Renamed, Someone')).user.id).toBe(first.user.id);
    // The LMS's player page above the package may frame the trainer too; junk in the list is dropped.
    const nested = await verifyScormLaunch(t.db, { token, studentId: 'cs-1001', studentName: null, origin, ancestors: `${origin} https://player.lms.example.com javascript:x https://a.example/path` }, SECRET);
    expect(nested.frameOrigins).toEqual([origin, 'https://player.lms.example.com']);
    expect((await launch('cs-1002')).user.id).not.toBe(first.user.id);
    // Another LMS's learner with the same id is another person.
    const other = await createPackage(t.db, adminId, { target: 'module:apologizing-well', lms: 'Docebo' });
    const elsewhere = await verifyScormLaunch(t.db, { token: await packageToken(other.pkg, SECRET), studentId: 'cs-1001', studentName: null, origin }, SECRET);
    expect(elsewhere.user.id).not.toBe(first.user.id);
    expect(elsewhere).toMatchObject({ path: '/learn/apologizing-well', user: { name: 'Learner from Docebo' } });
  });

  it('refuses a forged or revoked package, a launch without a learner id, and an origin that is not one', async () => {
    const { pkg } = await createPackage(t.db, adminId, { target: 'scenario:double-charge', lms: 'Cornerstone' });
    const token = await packageToken(pkg, SECRET);
    const launch = (over: Partial<{ token: string | null; studentId: string | null; origin: string | null }>) =>
      refusal(verifyScormLaunch(t.db, { token, studentId: 's-1', studentName: null, origin, ...over }, SECRET));
    expect(await launch({})).toBe('accepted');
    expect(await launch({ token: await packageToken(pkg, 'another-secret-of-enough-length') })).toBe('unknown-package');
    expect(await launch({ token: null })).toBe('unknown-package');
    expect(await launch({ studentId: '' })).toBe('bad-login');
    expect(await launch({ studentId: 'x'.repeat(256) })).toBe('bad-login');
    expect(await launch({ origin: 'https://lms.example.com/path' })).toBe('bad-login');
    expect(await launch({ origin: "javascript:alert('x')" })).toBe('bad-login');
    expect(await launch({ origin: null })).toBe('bad-login');
    await revokePackage(t.db, adminId, pkg.id);
    expect(await packageFromToken(t.db, token, SECRET)).toBeUndefined();
    expect(await launch({})).toBe('unknown-package');
    await expect(revokePackage(t.db, adminId, pkg.id)).rejects.toMatchObject({ status: 404 });
  });

  it('exports only modules and scenarios that exist', async () => {
    await expect(createPackage(t.db, adminId, { target: 'scenario:no-such-thing', lms: 'X' })).rejects.toMatchObject({ status: 404 });
    expect(packageTargets().every((x) => x.kind === 'module' || x.kind === 'scenario')).toBe(true);
  });
});

describe('the package zip', () => {
  const target = { kind: 'scenario' as const, id: 'double-charge', title: 'Charged twice & <cross>', path: '/practice/double-charge' };
  const files = unzipSync(packageZip({ packageId: 'p-1', token: 'tok.en.sig', trainer: 'https://trainer.example.com', target }));

  it('holds a SCORM 1.2 manifest naming one SCO, with the title escaped', () => {
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html', 'launch.js']);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('<title>Charged twice &amp; &lt;cross&gt;</title>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    // The trainer decides passing: a mastery score would let the LMS overrule it.
    expect(manifest).not.toContain('masteryscore');
    expect(strFromU8(files['index.html']!)).toContain('<title>Charged twice &amp; &lt;cross&gt;</title>');
  });

  it('launches the trainer with the token and takes results only from the trainer, for this package', () => {
    const script = strFromU8(files['launch.js']!);
    expect(script).toContain('"trainer":"https://trainer.example.com","token":"tok.en.sig","kind":"scenario","id":"double-charge"');
    expect(script).toContain("event.origin !== CONFIG.trainer || event.source !== frame.contentWindow");
    expect(script).toContain('d.kind !== CONFIG.kind || d.id !== CONFIG.id');
    expect(() => new Function(script)).not.toThrow();
  });

  it('turns "Family, Given" into "Given Family"', () => {
    expect(displayName('Natarajan, Priya', 'LMS')).toBe('Priya Natarajan');
    expect(displayName('Priya', 'LMS')).toBe('Priya');
    expect(displayName('  ', 'Docebo')).toBe('Learner from Docebo');
    expect(displayName(null, 'Docebo')).toBe('Learner from Docebo');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@/db/testing';
import { blockDatabase } from '@/db/test-database';
import { seedHistory } from '@/db/history';
import { onboardingPath } from '@/lib/content/onboarding';
import { scenarioCatalogue } from '@/lib/content/scenarios';
import { teamOverview } from './team';

// Dashboards must not run a query per learner or per skill: the count stays the same as a team grows.
describe.each(testDrivers)('team overview query count on %s', (driver) => {
  let queries = 0;
  const t = blockDatabase(driver, () => queries++);
  const teamIds: Record<string, string> = {};
  beforeAll(async () => {
    const scenarios = [...scenarioCatalogue().values()];
    for (const [name, learners, attempts] of [['small', 2, 20], ['large', 30, 400]] as const) {
      teamIds[name] = (await seedHistory(t.db, { teamName: name, emailPrefix: name, learners, attempts, scenarios, password: null, seed: 7 })).teamId;
    }
  }, 60_000);

  it('runs the same number of queries for 2 learners as for 30, on either basis', async () => {
    const counted = async (team: string, basis: 'recent' | 'checkup') => {
      queries = 0;
      const o = await teamOverview(t.db, teamIds[team]!, onboardingPath(), basis);
      expect(o!.members.length).toBe(team === 'small' ? 2 : 30);
      return queries;
    };
    for (const basis of ['recent', 'checkup'] as const) {
      const small = await counted('small', basis);
      const large = await counted('large', basis);
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(8);
    }
  });
});

// Chooses each learner's check-up scenarios: weighted toward their weakest skills, reproducible from the run's seed.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A skill with no scored decisions yet counts as middling, neither sought out nor avoided. */
export const UNSCORED_SKILL = 50;

/**
 * How strongly weakness attracts a scenario: a scenario whose skills average 0 weighs
 * (1 + WEAKNESS_PULL) times one whose skills average 100. Never zero, so strong learners still
 * meet every scenario now and then.
 */
export const WEAKNESS_PULL = 4;

export interface CatalogueEntry {
  id: string;
  skills: readonly string[];
}

export interface SelectInput {
  /** The run's seed; combined with the learner's id so teammates get different draws. */
  seed: number;
  userId: string;
  count: number;
  /** The learner's score per skill (0–100, null when unscored). Skills missing here count as unscored. */
  profile: Readonly<Record<string, { score: number | null } | undefined>>;
  /** Scenarios the learner was given in their previous run of this plan. */
  recent: ReadonlySet<string>;
  catalogue: readonly CatalogueEntry[];
}

/** The weight of one scenario for a learner: grows as the skills it practises get weaker. */
export function scenarioWeight(entry: CatalogueEntry, profile: SelectInput['profile']): number {
  if (entry.skills.length === 0) return 1;
  const mean = entry.skills.reduce((sum, k) => sum + (profile[k]?.score ?? UNSCORED_SKILL), 0) / entry.skills.length;
  const weakness = 1 - Math.min(100, Math.max(0, mean)) / 100;
  // Squared so that the few scenarios aimed at a real weak spot stand out from the middling many.
  return 1 + WEAKNESS_PULL * weakness * weakness;
}

/** FNV-1a: folds the learner's id into 32 bits so it can vary the seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis: each item's key is u^(1/w), the
 * largest keys win), so one draw per scenario decides the whole order and the result does not
 * depend on the order of the catalogue. Scenarios from the last run come only after every other
 * scenario, when there are too few of those to fill the check-up.
 */
export function selectScenarios(input: SelectInput): string[] {
  const count = Math.max(0, Math.floor(input.count));
  // Sorted and de-duplicated so the draw depends on the catalogue's contents, not its order.
  const unique = [...new Map(input.catalogue.map((e) => [e.id, e])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rng = xoroshiro128plus((input.seed ^ hash32(input.userId)) | 0);
  const keyed = unique.map((entry) => {
    // 1 - u is in (0, 1], so the key is never log(0).
    const u = 1 - uniformFloat64(rng);
    return { id: entry.id, recent: input.recent.has(entry.id), key: Math.log(u) / scenarioWeight(entry, input.profile) };
  });
  keyed.sort((a, b) => Number(a.recent) - Number(b.recent) || b.key - a.key);
  return keyed.slice(0, count).map((k) => k.id);
}

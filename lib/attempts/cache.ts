// This process's memory of scenario versions and attempts in play, so the usual request skips reads that cannot change.
import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '@/db/client';
import { scenarioVersions } from '@/db/schema';
import { analyse, type Analysis } from '@/lib/scenario/analysis';
import type { ReplyScore } from '@/lib/scenario/engine';
import type { Replayed } from '@/lib/scenario/replay';
import type { EarlierReply } from '@/lib/coach/nodes';
import { ScenarioSchema, type ScenarioDefinition } from '@/lib/scenario/schema';
import type { Mode } from './types';

export interface Version {
  definition: ScenarioDefinition;
  personaMood: number;
  /** The customer's name, which the coach listens for in typed replies. */
  personaName: string;
  analysis: Analysis;
  scoredSkills: Set<string>;
}

// Versions never change once stored, so they can be kept for the life of the process.
export const versions = new Map<string, Version>();
// Hashes already written to each database's scenario_versions (a row is never changed or deleted).
export const storedVersions = new WeakMap<Db, Set<string>>();

/**
 * What this process last saw of attempts in progress, so that a decision on the usual path costs
 * one statement: the write checks the session and the attempt's position itself, and anything
 * other than "the next decision of a live attempt, accepted" falls back to reading the database.
 * A stale entry (another instance moved the attempt on) can only make that write miss (ADR 11).
 */
export interface LiveAttempt {
  userId: string;
  contentHash: string;
  mode: Mode;
  shuffleSeed: number;
  choiceIds: string[];
  replies: Record<string, ReplyScore>;
  /** The typed replies so far, which the coach reads a new one against (a pasted template earns nothing twice). */
  earlier: EarlierReply[];
  /** Those decisions replayed, so the next one costs one transition rather than a replay from the start. */
  replayed?: Replayed;
}
export const playing = new LRUCache<string, LiveAttempt>({ max: 20_000 });

export async function loadVersion(db: Db, hash: string): Promise<Version> {
  const hit = versions.get(hash);
  if (hit) return hit;
  const [row] = await db.select().from(scenarioVersions).where(eq(scenarioVersions.contentHash, hash));
  if (!row) throw new Error(`scenario version ${hash} is missing`);
  return keepVersion(hash, ScenarioSchema.parse(row.definition), row.personaMood, row.personaName ?? '');
}

export function keepVersion(hash: string, definition: ScenarioDefinition, personaMood: number, personaName: string): Version {
  const analysis = analyse(definition, personaMood);
  const v = { definition, personaMood, personaName, analysis, scoredSkills: new Set(Object.keys(analysis.skills)) };
  versions.set(hash, v);
  return v;
}

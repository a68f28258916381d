// Test fixtures for attempts: a two-turn scenario whose choices and endings the tests name, and a warm typed reply.
import { parse } from 'yaml';
import { analyse } from '@/lib/scenario/analysis';
import { versionHash } from '@/lib/content/scenarios';
import type { LoadedScenario } from '@/lib/scenario/analysis';
import { ScenarioSchema } from '@/lib/scenario/schema';
import type { Turn } from './types';

/** The id a turn shows for the choice that says `say` (opaque in a check-up). */
export const idOf = (turn: Turn, say: string) => turn.choices.find((c) => c.say === say)!.id;

export const WARM = "Pat, being charged twice is maddening, I'd be furious too. I'm refunding the second charge right now.";

const yaml = (say: string) => `
id: short
title: Short
channel: chat
persona: pat
summary: A fixture.
principles: [P1]
skills: [reflecting]
start: a
nodes:
  a:
    customer: I was charged twice.
    clue: frustration
    choices:
      - { id: feel, say: "${say}", empathy: true, scores: { reflecting: 2 }, mood: 2, feedback: She felt heard., next: b }
      - { id: process, say: Account number?, scores: { reflecting: -1 }, mood: -1, feedback: She felt processed., next: b }
  b:
    customer: So what now?
    choices:
      - { id: fix, say: Refunding it now., scores: { reflecting: 1 }, mood: 2, feedback: Clear action., next: happy }
      - { id: stall, say: Someone will get back to you., scores: { reflecting: -2 }, mood: -2, feedback: Vague., next: sad }
endings:
  happy: { outcome: success, customer: Thanks!, summary: Went well. }
  sad: { outcome: failure, customer: Bye., summary: Went badly. }
  meh: { outcome: partial, customer: Okay., summary: So-so. }
`;

export function loaded(say = "That's maddening.", extra: Record<string, unknown> = {}): LoadedScenario {
  const scenario = ScenarioSchema.parse({ ...parse(yaml(say)), ...extra });
  const persona = { id: 'pat', name: 'Pat', situation: 's', voice: 'v', mood: 0 };
  return { scenario, persona, file: 'x', analysis: analyse(scenario, 0), hash: versionHash(scenario, 0) };
}

// Builds an XState v5 machine from a scenario: one state per node, a final state per ending.
import { assign, setup, type SnapshotFrom } from 'xstate';
import { choicesAt, decide, initialState, InvalidChoiceError, type PlayState, type ReplyScore } from './engine';
import type { ScenarioDefinition } from './schema';

/** A decision: a choice picked, or a typed reply matched to `choiceId` and scored as `reply`. */
export type ScenarioEvent = { type: 'CHOOSE'; choiceId: string; reply?: ReplyScore };

export function createScenarioMachine(s: ScenarioDefinition, personaMood: number) {
  const start = initialState(s, personaMood);
  const nodeStates = Object.fromEntries(
    Object.keys(s.nodes).map((id) => [
      id,
      {
        on: {
          // Where a decision leads depends on mood rules, so the target is read from the
          // state the pure `decide` produced; each possible target is a guarded branch.
          CHOOSE: targetsFrom(s, id).map((target) => ({
            guard: { type: 'leadsTo' as const, params: { target } },
            target,
            actions: 'applyChoice' as const,
          })),
        },
      },
    ]),
  );
  const endingStates = Object.fromEntries(Object.keys(s.endings).map((id) => [id, { type: 'final' as const }]));

  return setup({
    types: { context: {} as PlayState, events: {} as ScenarioEvent },
    guards: {
      leadsTo: ({ context, event }, params: { target: string }) => {
        const offered = choicesAt(s, context).some((c) => c.id === event.choiceId);
        if (!offered) return false;
        const next = decide(s, context, event.choiceId, event.reply).at;
        return ('node' in next ? next.node : next.ending) === params.target;
      },
    },
    actions: {
      applyChoice: assign(({ context, event }) => decide(s, context, event.choiceId, event.reply)),
    },
  }).createMachine({
    id: s.id,
    context: start,
    initial: s.start,
    states: { ...nodeStates, ...endingStates },
  });
}

/** Every state a decision at `nodeId` can lead to: each choice's next, and every rule's ending. */
function targetsFrom(s: ScenarioDefinition, nodeId: string): string[] {
  const set = new Set<string>(s.nodes[nodeId]!.choices.map((c) => c.next));
  for (const r of s.rules) set.add(r.goto);
  // An ending that needs a better mood can hand the path on to its `otherwise`.
  for (const id of [...set]) {
    for (let e = s.endings[id], hops = 0; e?.otherwise && hops < 8; e = s.endings[e.otherwise], hops++) set.add(e.otherwise);
  }
  return [...set];
}

export type ScenarioSnapshot = SnapshotFrom<ReturnType<typeof createScenarioMachine>>;
export { InvalidChoiceError };

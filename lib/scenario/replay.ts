// Replays a list of choice ids through the scenario machine: the same input always gives the same state.
import { initialTransition, transition } from 'xstate';
import { choicesAt, InvalidChoiceError, type PlayState, type ReplyScore } from './engine';
import { createScenarioMachine, type ScenarioSnapshot } from './machine';
import type { ScenarioDefinition } from './schema';

export interface Replayed {
  state: PlayState;
  /** The ending reached, if the conversation is over. */
  ending?: string;
  /** The machine's snapshot, to carry on from without replaying the decisions again. */
  snapshot: ScenarioSnapshot;
}

// Building a machine costs far more than running it, so each scenario version builds one.
const machines = new WeakMap<ScenarioDefinition, Map<number, ReturnType<typeof createScenarioMachine>>>();

function machineFor(s: ScenarioDefinition, personaMood: number) {
  let byMood = machines.get(s);
  if (!byMood) machines.set(s, (byMood = new Map()));
  let m = byMood.get(personaMood);
  if (!m) byMood.set(personaMood, (m = createScenarioMachine(s, personaMood)));
  return m;
}

/**
 * `replies` holds, by decision index, how each typed reply scored in place of its choice's scores.
 * `from`, the replay of the first decisions of the same list, lets a caller that keeps it pay only
 * for the decisions after it.
 */
export function replay(
  s: ScenarioDefinition,
  personaMood: number,
  choiceIds: readonly string[],
  replies: Readonly<Record<number, ReplyScore>> = {},
  from?: Replayed,
): Replayed {
  const machine = machineFor(s, personaMood);
  let snapshot = from ? from.snapshot : initialTransition(machine)[0];
  for (let i = from ? from.state.steps.length : 0; i < choiceIds.length; i++) {
    const choiceId = choiceIds[i]!;
    if (snapshot.status === 'done') {
      throw new InvalidChoiceError(`Decision ${i + 1} ("${choiceId}") comes after the conversation ended.`);
    }
    if (!choicesAt(s, snapshot.context).some((c) => c.id === choiceId)) {
      const at = snapshot.value as string;
      throw new InvalidChoiceError(`Decision ${i + 1}: "${choiceId}" is not a choice at "${at}".`);
    }
    [snapshot] = transition(machine, snapshot, { type: 'CHOOSE', choiceId, reply: replies[i] });
  }
  const at = snapshot.context.at;
  return { state: snapshot.context, ending: 'ending' in at ? at.ending : undefined, snapshot };
}

// A scenario node as the empathy coach sees it: the authored choices and the context a reply there is read in.
import { clueOf } from '@/lib/coach/analyze';
import type { NodeForMapping } from '@/lib/coach/evaluate';
import type { LoadedScenario } from './course';

export function coachNode(loaded: LoadedScenario | undefined, nodeId: string): NodeForMapping | undefined {
  const node = loaded?.scenario.nodes[nodeId];
  if (!loaded || !node) return undefined;
  return {
    choices: node.choices,
    context: { customerName: loaded.persona.name, channel: loaded.scenario.channel, clue: clueOf(node.clue), customerLine: node.customer },
  };
}

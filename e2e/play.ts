// Playing scenarios in the player: paths to a given outcome, the best path's replies, and clicking a reply.
import type { Page } from '@playwright/test';
import { readScenarios } from '../lib/content/scenarios';
import { choicesAt, decide, initialState, type PlayState } from '../lib/scenario/engine';

const { scenarios } = readScenarios(process.cwd());
export const byId = (id: string) => scenarios.find((x) => x.scenario.id === id)!;

/** A sequence of replies (their text) that ends with the given outcome. */
export function pathTo(id: string, outcome: 'success' | 'failure'): string[] {
  const { scenario: s, persona } = byId(id);
  const search = (state: PlayState, says: string[]): string[] | undefined => {
    if ('ending' in state.at) return s.endings[state.at.ending]!.outcome === outcome ? says : undefined;
    for (const c of choicesAt(s, state)) {
      const found = search(decide(s, state, c.id), [...says, c.say]);
      if (found) return found;
    }
    return undefined;
  };
  return search(initialState(s, persona.mood), [])!;
}

export function bestPathSays(id: string): string[] {
  const { scenario: s, analysis } = byId(id);
  return analysis.bestState.steps.map((st) => s.nodes[st.nodeId]!.choices.find((c) => c.id === st.choiceId)!.say);
}

export async function reply(page: Page, say: string) {
  await page.getByRole('button', { name: say, exact: false }).filter({ hasText: say }).click();
}


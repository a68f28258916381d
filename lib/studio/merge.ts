// Two authors' edits to one draft, combined when they touch different lines: their changes applied to mine, or nothing when they overlap.
import { applyPatch, structuredPatch } from 'diff';

/**
 * The draft with both sets of changes, when theirs (made on top of `base`) applies cleanly to
 * mine; undefined when the two changed the same lines, which only the author can settle.
 */
export function mergeDrafts(base: string, mine: string, theirs: string): string | undefined {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  const patch = structuredPatch('draft', 'draft', base, theirs, '', '', { context: 2 });
  const merged = applyPatch(mine, patch);
  return merged === false ? undefined : merged;
}

// Cuts a typed reply into pieces by the coach's finding spans, so the words behind each finding can be marked.
import type { ReplyView } from '@/lib/attempts/types';

export type Finding = NonNullable<ReplyView['findings']>[number];

/** Whether marked words earned points, cost them, or both (overlapping findings). */
export function signOf(fs: readonly Finding[]): 'up' | 'down' | 'mixed' {
  const up = fs.some((f) => f.delta > 0);
  const down = fs.some((f) => f.delta < 0);
  return up && down ? 'mixed' : down ? 'down' : 'up';
}

/** The reply cut at every span edge, each piece with the findings that cover it (spans may overlap). */
export function segments(text: string, findings: readonly Finding[]): { text: string; findings: Finding[] }[] {
  const cuts = new Set([0, text.length]);
  for (const f of findings) for (const s of f.spans) cuts.add(Math.max(0, Math.min(text.length, s.start))).add(Math.max(0, Math.min(text.length, s.end)));
  const edges = [...cuts].sort((a, b) => a - b);
  const out: { text: string; findings: Finding[] }[] = [];
  for (let i = 0; i < edges.length - 1; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    if (from === to) continue;
    const covering = findings.filter((f) => f.spans.some((s) => s.start <= from && s.end >= to));
    const last = out.at(-1);
    // Neighbouring plain pieces read better as one.
    if (last && covering.length === 0 && last.findings.length === 0) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), findings: covering });
  }
  return out;
}


'use client';
// The real player on a studio draft: decisions go to the playtest route, which stores nothing, and a jump starts the conversation at any node.
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { orThrow, post } from '@/app/_lib/api';
import { SelectField } from '@/app/_components/Field';
import type { AttemptView, DecisionAnswer, DecisionInput } from '@/lib/attempts/types';
import { MOOD_MAX, MOOD_MIN } from '@/lib/scenario/engine';
import { Player, type Transport } from '@/app/(app)/practice/[id]/Player';
import styles from './studio-editor.module.css';

interface Props {
  id: string;
  channel: string;
  customerName: string;
  nodes: { id: string; customer: string }[];
  start: string;
  from?: string;
  mood?: number;
  skillLabels: Record<string, string>;
}

/** One run's transport: it keeps the decisions so far and sends them all with each new one. */
function playtestTransport(id: string, from: string | undefined, mood: number | undefined): Transport {
  let steps: DecisionInput[] = [];
  const start = { id, ...(from ? { from } : {}), ...(mood !== undefined ? { mood } : {}) };
  return {
    async load() {
      const { view } = await orThrow(post<{ view: AttemptView }>('/api/studio/playtest', { ...start, steps: [] }));
      steps = [];
      return { attemptId: view.attemptId, view, notice: 'Playtest: nothing you do here is recorded.' };
    },
    async decide({ attemptId: _attemptId, ...decision }) {
      const next = [...steps.slice(0, decision.seq), decision];
      const { answer } = await orThrow(post<{ answer: DecisionAnswer }>('/api/studio/playtest', { ...start, steps: next }));
      steps = next;
      return answer;
    },
  };
}

export function Playtest({ id, channel, customerName, nodes, start, from, mood, skillLabels }: Props) {
  const router = useRouter();
  const moods = Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, i) => MOOD_MIN + i);
  return (
    <div className="stack">
      <form
        className={`card ${styles.jump}`}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const q = new URLSearchParams();
          const node = String(f.get('from'));
          const m = String(f.get('mood'));
          if (node !== start) q.set('from', node);
          if (m !== '') q.set('mood', m);
          router.push(`/studio/scenarios/${id}/playtest${q.size ? `?${q}` : ''}`);
        }}
      >
        <SelectField id="jump-from" label="Start at" name="from" defaultValue={from ?? start}>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
              {n.id === start ? ' (the start)' : ''}: {n.customer.length > 50 ? `${n.customer.slice(0, 49)}…` : n.customer}
            </option>
          ))}
        </SelectField>
        <SelectField id="jump-mood" label="Customer’s mood there" name="mood" defaultValue={mood === undefined ? '' : String(mood)}>
          <option value="">As written</option>
          {moods.map((m) => (
            <option key={m} value={m}>
              {m > 0 ? `+${m}` : m}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button-secondary">
          Start again from here
        </button>
      </form>
      <Player
        key={`${from ?? ''}:${mood ?? ''}`}
        scenarioId={id}
        channel={channel}
        customerName={customerName}
        mode="practice"
        skillLabels={skillLabels}
        weakestModule={{}}
        transport={() => playtestTransport(id, from, mood)}
        exit={<Link href={`/studio/scenarios/${id}`}>Back to the editor</Link>}
      />
    </div>
  );
}

// Choice analytics for a team: at each decision point of a scenario, how often each choice was picked (or a typed reply heard as it) and how those attempts ended.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { rawTotal } from '@/lib/scenario/engine';
import type { ScenarioDefinition } from '@/lib/scenario/schema';

export interface ChoiceStat {
  id: string;
  say: string;
  /** Sum of the choice's skill deltas: how good a reply the rubric thinks it is. */
  merit: number;
  picks: number;
  /** Of those picks, the replies typed in the learner's own words and heard as this choice. */
  typed: number;
  share: number;
  /** Mean final score of the finished attempts that made this choice. */
  averageScore: number | null;
  /** Share of those finished attempts that ended in success. */
  successRate: number | null;
}

export interface NodeStat {
  nodeId: string;
  customer: string;
  picks: number;
  choices: ChoiceStat[];
  /** The most picked choice is not the best one on offer. */
  goesWrong: boolean;
}

interface Row {
  nodeId: string;
  choiceId: string;
  picks: number;
  typed: number;
  finished: number;
  successes: number;
  averageScore: number | null;
}

/** Picks per (node, choice) by the team's members in one query. */
export async function choiceRows(db: Db, teamId: string, scenarioId: string): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`select d.node_id as "nodeId", d.choice_id as "choiceId", count(*)::int as picks,
               count(*) filter (where d.reply_text is not null)::int as typed,
               count(*) filter (where a.status = 'completed')::int as finished,
               count(*) filter (where a.outcome = 'success')::int as successes,
               round(avg(a.score) filter (where a.status = 'completed'))::int as "averageScore"
        from decisions d
        join attempts a on a.id = d.attempt_id
        join team_members m on m.user_id = a.user_id and m.team_id = ${teamId}
        where a.scenario_id = ${scenarioId}
        group by 1, 2`,
  );
}

/** Lays the rows over the scenario as written now; choices no longer in the file are left out. */
export function nodeStats(s: ScenarioDefinition, rows: Row[]): NodeStat[] {
  const byKey = new Map(rows.map((r) => [`${r.nodeId}\u0000${r.choiceId}`, r]));
  return Object.entries(s.nodes).map(([nodeId, node]) => {
    const picks = node.choices.reduce((n, c) => n + (byKey.get(`${nodeId}\u0000${c.id}`)?.picks ?? 0), 0);
    const choices = node.choices.map((c) => {
      const r = byKey.get(`${nodeId}\u0000${c.id}`);
      return {
        id: c.id,
        say: c.say,
        merit: rawTotal(c.scores),
        picks: r?.picks ?? 0,
        typed: r?.typed ?? 0,
        share: picks ? (r?.picks ?? 0) / picks : 0,
        averageScore: r?.averageScore ?? null,
        successRate: r && r.finished ? r.successes / r.finished : null,
      };
    });
    const best = Math.max(...choices.map((c) => c.merit));
    const top = [...choices].sort((a, b) => b.picks - a.picks)[0];
    return { nodeId, customer: node.customer, picks, choices, goesWrong: picks > 0 && !!top && top.picks > 0 && top.merit < best };
  });
}

export interface ScenarioCount {
  attempts: number;
  finished: number;
  averageScore: number | null;
}

/** Scenarios the team has played, with attempts and finished counts. One query. */
export async function teamScenarioCounts(db: Db, teamId: string): Promise<Map<string, ScenarioCount>> {
  const rows = await queryRows<{ scenarioId: string; attempts: number; finished: number; averageScore: number | null }>(
    db,
    sql`select a.scenario_id as "scenarioId", count(*)::int as attempts,
               count(*) filter (where a.status = 'completed')::int as finished,
               round(avg(a.score) filter (where a.status = 'completed'))::int as "averageScore"
        from attempts a join team_members m on m.user_id = a.user_id and m.team_id = ${teamId}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.scenarioId, { attempts: r.attempts, finished: r.finished, averageScore: r.averageScore === null ? null : Number(r.averageScore) }]));
}

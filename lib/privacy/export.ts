// Everything the trainer holds about one person, as one JSON document they can download (access and portability).
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from '@/db/client';
import {
  assignments,
  attempts,
  auditLog,
  checkAnswers,
  decisions,
  moduleProgress,
  recoveryCodes,
  reflections,
  scenarioVersions,
  sessions,
  teamManagers,
  teamMembers,
  teams,
  users,
  ltiIdentities,
  ltiLaunches,
  ltiPlatforms,
  scormIdentities,
} from '@/db/schema';
import { columnsExcept } from '@/db/columns';
import { auditAbout, emailHistory } from './about';
import type { Mode } from '@/lib/attempts/types';
import type { StoredCoach } from '@/lib/coach/nodes';

export const EXPORT_FORMAT = 'empathy-trainer-personal-data/1';

export interface ExportedDecision {
  seq: number;
  nodeId: string;
  /** What the customer said before this decision. */
  customer: string | null;
  /** The authored choice picked, or the one a typed reply was heard as. */
  choiceId?: string;
  /** The choice's words, or the reply as typed. */
  say: string | null;
  reply?: { text: string; coach?: StoredCoach | null };
  scores?: Record<string, number>;
  feedback?: string | null;
  moodAfter?: number | null;
  elapsedMs: number | null;
  at: Date;
}

export interface ExportedAttempt {
  id: string;
  scenarioId: string;
  scenarioTitle: string | null;
  mode: Mode;
  status: 'in_progress' | 'completed' | 'abandoned';
  assignmentId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  score?: number | null;
  outcome?: string | null;
  endingId?: string | null;
  skillScores?: Record<string, number>;
  /** Set while a check-up is unfinished: its scores and feedback are withheld until it ends, as in the player. */
  withheld?: string;
  decisions: ExportedDecision[];
}

type LooseDefinition = {
  title?: string;
  nodes?: Record<string, { customer?: string; choices?: { id: string; say?: string; feedback?: string }[] }>;
};

/** One person's data, or undefined when the id names nobody. Secrets are described (set or not), never included. */
export async function exportPersonalData(db: Db, userId: string, now = new Date()) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  const emails = await emailHistory(db, user);

  const [codes] = await db
    .select({ total: sql<number>`count(*)::int`, unused: sql<number>`(count(*) filter (where ${recoveryCodes.usedAt} is null))::int` })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId));
  const memberOf = await db
    .select({ id: teams.id, name: teams.name, joinedAt: teamMembers.joinedAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
  const manages = await db
    .select({ id: teams.id, name: teams.name })
    .from(teamManagers)
    .innerJoin(teams, eq(teams.id, teamManagers.teamId))
    .where(eq(teamManagers.userId, userId))
    .orderBy(asc(teams.name));
  // Each of these tables holds rows that are this person's: everything in them, oldest first.
  const own = <S extends SelectedFields>(table: PgTable & { userId: PgColumn }, fields: S, ...order: SQL[]): Promise<SelectResultFields<S>[]> =>
    db.select(fields).from(table).where(eq(table.userId, userId)).orderBy(...order) as Promise<SelectResultFields<S>[]>;
  const modules = await own(moduleProgress, columnsExcept(moduleProgress, 'userId'), asc(moduleProgress.startedAt));
  const knowledgeChecks = await own(checkAnswers, columnsExcept(checkAnswers, 'userId'), asc(checkAnswers.answeredAt));
  const notes = await own(reflections, columnsExcept(reflections, 'userId'), asc(reflections.moduleId), asc(reflections.reflectionId));
  // Who assigned a check-up is another person's id, so it stays out.
  const checkups = await own(assignments, columnsExcept(assignments, 'userId', 'assignedBy'), asc(assignments.createdAt));
  const signIns = await own(
    sessions,
    { startedAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.endedAt, endedReason: sessions.endedReason },
    asc(sessions.createdAt),
  );
  const platformIds = await db
    .select({ platform: ltiPlatforms.name, issuer: ltiPlatforms.issuer, subject: ltiIdentities.subject, linkedAt: ltiIdentities.createdAt })
    .from(ltiIdentities)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiIdentities.platformId))
    .where(eq(ltiIdentities.userId, userId));
  const launches = await own(
    ltiLaunches,
    { at: ltiLaunches.createdAt, target: sql<string>`${ltiLaunches.targetKind} || ':' || ${ltiLaunches.targetId}`, gradebookColumn: ltiLaunches.lineItem },
    asc(ltiLaunches.createdAt),
  );
  const scormIds = await own(scormIdentities, { lms: scormIdentities.lms, studentId: scormIdentities.studentId, linkedAt: scormIdentities.createdAt });
  const auditRows = await db
    .select({ at: auditLog.at, action: auditLog.action, actorId: auditLog.actorId, subject: auditLog.subject, ip: auditLog.ip, detail: auditLog.detail })
    .from(auditLog)
    .where(auditAbout(user, emails))
    .orderBy(asc(auditLog.id));

  return {
    format: EXPORT_FORMAT,
    exportedAt: now,
    about:
      'Everything Empathy Trainer holds about you. Your password, authenticator secret and recovery codes are kept only as hashes or encrypted, so they are described here (set or not) rather than included.',
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      createdAt: user.createdAt,
      password: { set: user.passwordHash !== null, mustChange: user.mustChangePassword },
      singleSignOn: user.ssoIssuer ? { issuer: user.ssoIssuer, subject: user.ssoSubject } : null,
      twoStepSignIn: { set: user.totpSecret !== null, enabledAt: user.totpEnabledAt },
      recoveryCodes: { total: Number(codes?.total ?? 0), unused: Number(codes?.unused ?? 0) },
      previousEmails: emails.slice(1).map((e) => e.email),
    },
    teams: { memberOf, manages },
    modules,
    knowledgeChecks,
    reflections: notes,
    attempts: await exportedAttempts(db, userId),
    checkupAssignments: checkups,
    sessions: signIns,
    learningPlatforms: { lti: platformIds, ltiLaunches: launches, scorm: scormIds },
    audit: auditRows.map(({ actorId, ...row }) => ({ ...row, byYou: actorId === userId })),
  };
}

async function exportedAttempts(db: Db, userId: string): Promise<ExportedAttempt[]> {
  const rows = await db.select().from(attempts).where(eq(attempts.userId, userId)).orderBy(asc(attempts.startedAt));
  if (rows.length === 0) return [];
  const steps = await db
    .select()
    .from(decisions)
    .where(inArray(decisions.attemptId, rows.map((r) => r.id)))
    .orderBy(asc(decisions.attemptId), asc(decisions.seq));
  const hashes = [...new Set(rows.map((r) => r.contentHash))];
  const versions = await db
    .select({ hash: scenarioVersions.contentHash, definition: scenarioVersions.definition })
    .from(scenarioVersions)
    .where(inArray(scenarioVersions.contentHash, hashes));
  const definitions = new Map(versions.map((v) => [v.hash, v.definition as LooseDefinition]));
  const byAttempt = new Map<string, (typeof steps)[number][]>();
  for (const s of steps) {
    const list = byAttempt.get(s.attemptId);
    if (list) list.push(s);
    else byAttempt.set(s.attemptId, [s]);
  }

  return rows.map((a) => {
    const def = definitions.get(a.contentHash);
    // The player reveals a check-up's scores only once it ends; a download must not reveal them sooner.
    const hidden = a.mode === 'checkup' && a.status === 'in_progress';
    const exported = (byAttempt.get(a.id) ?? []).map((d): ExportedDecision => {
      const node = def?.nodes?.[d.nodeId];
      const choice = node?.choices?.find((c) => c.id === d.choiceId);
      const base = {
        seq: d.seq,
        nodeId: d.nodeId,
        customer: node?.customer ?? null,
        say: d.replyText ?? choice?.say ?? null,
        elapsedMs: d.elapsedMs,
        at: d.createdAt,
      };
      if (hidden) return { ...base, ...(d.replyText !== null ? { reply: { text: d.replyText } } : {}) };
      return {
        ...base,
        choiceId: d.choiceId,
        ...(d.replyText !== null ? { reply: { text: d.replyText, coach: d.coach } } : {}),
        scores: d.scores,
        feedback: d.replyText !== null ? (d.coach?.suggestion ?? null) : (choice?.feedback ?? null),
        moodAfter: d.moodAfter,
      };
    });
    const common = {
      id: a.id,
      scenarioId: a.scenarioId,
      scenarioTitle: def?.title ?? null,
      mode: a.mode,
      status: a.status,
      assignmentId: a.assignmentId,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      decisions: exported,
    };
    if (hidden) return { ...common, withheld: 'This check-up is not finished: its scores and feedback are included once it ends.' };
    return { ...common, score: a.score, outcome: a.outcome, endingId: a.endingId, skillScores: a.skillScores };
  });
}

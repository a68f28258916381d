// The trainer's tables: people and teams, learning progress, attempts and their decision log, audit.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredCoach } from '../lib/coach/nodes';
import { roles, type Role } from '../lib/roles';

export { roles, type Role };
// The enumerated types, together: each is also the one list its TypeScript type is drawn from.
export const roleEnum = pgEnum('role', roles);
export const moduleStatus = pgEnum('module_status', ['in_progress', 'completed']);
export const attemptMode = pgEnum('attempt_mode', ['practice', 'checkup']);
export const attemptStatus = pgEnum('attempt_status', ['in_progress', 'completed', 'abandoned']);
/** What the scenario studio writes (lib/studio): role-play scenarios and the customers they feature. */
export const studioKind = pgEnum('studio_kind', ['scenario', 'persona']);

// Rows named by a random uuid, so an id in a URL says nothing about how many rows there are.
const uuidKey = () => uuid('id').primaryKey().defaultRandom();
// Every moment is stored with its time zone, so no reader has to guess which one it was in.
const moment = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => moment('created_at').notNull().defaultNow();
const updatedAt = () => moment('updated_at').notNull().defaultNow();
// The course module a row is about (its id in content/modules).
const moduleRef = () => text('module_id').notNull();
// The person a row belongs to; their rows go when they do.
const personRef = () =>
  uuid('user_id')
    .notNull()
    .references((): AnyPgColumn => users.id, { onDelete: 'cascade' });
// The team a row belongs to; it goes with the team.
const teamRef = () =>
  uuid('team_id')
    .notNull()
    .references((): AnyPgColumn => teams.id, { onDelete: 'cascade' });
// The attempt a row belongs to; it goes with the attempt.
const attemptRef = () =>
  uuid('attempt_id')
    .notNull()
    .references((): AnyPgColumn => attempts.id, { onDelete: 'cascade' });

export const users = pgTable('users', {
  id: uuidKey(),
  // Stored lower-cased and trimmed so sign-in and SSO matching ignore case.
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull().default('learner'),
  // Null for people who only sign in through single sign-on.
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  // Bumped on deactivation or role change; sessions carrying an older value stop working.
  sessionVersion: integer('session_version').notNull().default(1),
  // The single-sign-on identity linked on first SSO sign-in: the provider's issuer and subject,
  // which, unlike an email, the person cannot change or assert for themselves.
  ssoIssuer: text('sso_issuer'),
  ssoSubject: text('sso_subject'),
  // Set when an admin chooses the password; the person must pick their own before doing anything else.
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  // Two-step sign-in: the authenticator secret, encrypted with a key derived from the session
  // secret; pending until a first code confirms it (enabled_at set). The last accepted time step
  // is kept so a code cannot be used twice.
  totpSecret: text('totp_secret'),
  totpEnabledAt: moment('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('users_email_unique').on(t.email),
  uniqueIndex('users_sso_identity_unique').on(t.ssoIssuer, t.ssoSubject),
  check('users_sso_identity_whole', sql`(${t.ssoIssuer} is null) = (${t.ssoSubject} is null)`),
  check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
]);

/**
 * One row per sign-in: ended on sign-out, password change or by an admin, and judged against an idle
 * timeout and an absolute lifetime on every request, so a copied cookie stops working on every
 * instance the moment the session ends.
 */
export const sessions = pgTable('sessions', {
  id: uuidKey(),
  userId: personRef(),
  createdAt: createdAt(),
  lastSeenAt: moment('last_seen_at').notNull().defaultNow(),
  endedAt: moment('ended_at'),
  endedReason: text('ended_reason'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** One-time recovery codes for two-step sign-in, stored as hashes and crossed off when used. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: uuidKey(),
  userId: personRef(),
  codeHash: text('code_hash').notNull(),
  usedAt: moment('used_at'),
  createdAt: createdAt(),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)]);

export const teams = pgTable('teams', {
  id: uuidKey(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable('team_members', {
  teamId: teamRef(),
  userId: personRef(),
  joinedAt: moment('joined_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)]);

export const teamManagers = pgTable('team_managers', {
  teamId: teamRef(),
  userId: personRef(),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_managers_user_idx').on(t.userId)]);

export const moduleProgress = pgTable('module_progress', {
  userId: personRef(),
  moduleId: moduleRef(),
  status: moduleStatus('status').notNull().default('in_progress'),
  startedAt: moment('started_at').notNull().defaultNow(),
  completedAt: moment('completed_at'),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.userId, t.moduleId] })]);

// A learner's answer to one knowledge check. The first answer is kept: it is what managers see.
export const checkAnswers = pgTable('check_answers', {
  userId: personRef(),
  moduleId: moduleRef(),
  checkId: text('check_id').notNull(),
  optionId: text('option_id').notNull(),
  correct: boolean('correct').notNull(),
  answeredAt: moment('answered_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.checkId] })]);

// A learner's private note for one reflection prompt. Only its author may read it.
export const reflections = pgTable('reflections', {
  userId: personRef(),
  moduleId: moduleRef(),
  reflectionId: text('reflection_id').notNull(),
  text: text('text').notNull(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.reflectionId] })]);

// A team's recurring check-up: every `recurDays` (or once) each active learner on the team is
// assigned `scenarioCount` scenarios chosen for them, due `daysToComplete` days later.
export const checkupPlans = pgTable('checkup_plans', {
  id: uuidKey(),
  teamId: teamRef(),
  name: text('name').notNull(),
  scenarioCount: integer('scenario_count').notNull().default(3),
  daysToComplete: integer('days_to_complete').notNull().default(14),
  // Null for a one-off check-up.
  recurDays: integer('recur_days'),
  // When the next run is due; null once a one-off plan has run or a plan is stopped.
  nextRunAt: moment('next_run_at'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  index('checkup_plans_team_idx').on(t.teamId),
  index('checkup_plans_due_idx').on(t.nextRunAt),
  check('checkup_plans_scenario_count', sql`${t.scenarioCount} between 1 and 10`),
  check('checkup_plans_days', sql`${t.daysToComplete} between 1 and 365`),
  check('checkup_plans_recur', sql`${t.recurDays} is null or ${t.recurDays} between 7 and 730`),
]);

// One occurrence of a plan. (plan, run_no) is unique, so two app instances that both notice a
// due plan create one run between them.
export const checkupRuns = pgTable('checkup_runs', {
  id: uuidKey(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => checkupPlans.id, { onDelete: 'cascade' }),
  teamId: teamRef(),
  runNo: integer('run_no').notNull(),
  // Seeds each learner's scenario selection, so a run can be reproduced.
  seed: integer('seed').notNull(),
  startsAt: moment('starts_at').notNull(),
  dueAt: moment('due_at').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('checkup_runs_plan_no_unique').on(t.planId, t.runNo), index('checkup_runs_team_idx').on(t.teamId, t.startsAt)]);

export const assignments = pgTable('assignments', {
  id: uuidKey(),
  userId: personRef(),
  // What is assigned: a scenario for now; later kinds (a module, a path item) add values.
  kind: text('kind').notNull().default('scenario'),
  itemId: text('item_id').notNull(),
  // The check-up run that created this assignment, if any.
  runId: uuid('run_id').references(() => checkupRuns.id, { onDelete: 'cascade' }),
  assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
  dueAt: moment('due_at'),
  completedAt: moment('completed_at'),
  createdAt: createdAt(),
}, (t) => [
  index('assignments_user_idx').on(t.userId, t.dueAt),
  uniqueIndex('assignments_run_user_item_unique').on(t.runId, t.userId, t.itemId),
]);

// Every version of a scenario that an attempt has used, by content hash, so old transcripts
// replay against the text the learner actually saw.
export const scenarioVersions = pgTable('scenario_versions', {
  contentHash: text('content_hash').primaryKey(),
  scenarioId: text('scenario_id').notNull(),
  definition: jsonb('definition').notNull(),
  personaMood: integer('persona_mood').notNull(),
  // The customer's name the coach listens for in typed replies (null in versions stored before replies).
  personaName: text('persona_name'),
  createdAt: createdAt(),
});

export const attempts = pgTable('attempts', {
  id: uuidKey(),
  userId: personRef(),
  scenarioId: text('scenario_id').notNull(),
  // The scenario version played, so an old transcript never changes when the YAML is edited.
  contentHash: text('content_hash').notNull(),
  mode: attemptMode('mode').notNull().default('practice'),
  assignmentId: uuid('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
  status: attemptStatus('status').notNull().default('in_progress'),
  // Running totals derived from the decision log, stored for fast dashboards.
  decisionCount: integer('decision_count').notNull().default(0),
  mood: integer('mood'),
  skillScores: jsonb('skill_scores').$type<Record<string, number>>().notNull().default({}),
  score: integer('score'),
  outcome: text('outcome'),
  endingId: text('ending_id'),
  // The decisions' choice ids in order: derived from the decision log, kept here so a new
  // decision can be checked and replayed without reading the log.
  choiceIds: text('choice_ids').array().notNull().default(sql`'{}'::text[]`),
  // How each typed reply scored, by decision index: the replay uses these in place of the
  // matched choice's authored scores, again without reading the log.
  replyScores: jsonb('reply_scores').$type<Record<string, { scores: Record<string, number>; empathy: boolean }>>().notNull().default({}),
  // Orders each turn's choices for this attempt; the same on resume, different between attempts.
  shuffleSeed: integer('shuffle_seed').notNull().default(0),
  // The client's Idempotency-Key for the start request: a retried start finds this attempt.
  startKey: text('start_key'),
  startedAt: moment('started_at').notNull().defaultNow(),
  finishedAt: moment('finished_at'),
}, (t) => [
  index('attempts_user_idx').on(t.userId, t.startedAt),
  index('attempts_scenario_idx').on(t.scenarioId),
  // One attempt per check-up assignment: starting again resumes it, so a learner cannot play
  // a second copy on the path the first one's debrief showed them.
  uniqueIndex('attempts_one_per_assignment').on(t.assignmentId).where(sql`${t.assignmentId} is not null`),
  uniqueIndex('attempts_start_key').on(t.userId, t.startKey).where(sql`${t.startKey} is not null`),
]);

export const decisions = pgTable('decisions', {
  attemptId: attemptRef(),
  seq: integer('seq').notNull(),
  nodeId: text('node_id').notNull(),
  choiceId: text('choice_id').notNull(),
  elapsedMs: integer('elapsed_ms'),
  moodAfter: integer('mood_after'),
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  // A reply the learner typed (choice_id is then the choice it was heard as), and what the coach found in it.
  replyText: text('reply_text'),
  coach: jsonb('coach').$type<StoredCoach>(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.attemptId, t.seq] })]);

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: moment('at').notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  // What the action was about: an email, a path, a user id.
  subject: text('subject'),
  ip: text('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_action_idx').on(t.action, t.at),
  // A person's export and erasure find the rows about them by actor and by subject (ADR 17).
  index('audit_log_actor_idx').on(t.actorId),
  index('audit_log_subject_idx').on(t.subject),
]);

// Failed sign-ins, counted per email and per client address; in the database so that
// every app instance enforces the same limit.
export const signInFailures = pgTable('sign_in_failures', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  email: text('email').notNull(),
  ip: text('ip').notNull(),
  at: moment('at').notNull().defaultNow(),
}, (t) => [index('sign_in_failures_email_idx').on(t.email, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)]);

// xAPI statements waiting for a learning record store: written in the same statement as the
// decision they describe, sent by a background loop, kept once sent (lib/xapi/outbox.ts). One row
// per store and statement; the pair is unique, so writing a statement twice queues it once.
export const xapiOutbox = pgTable('xapi_outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  // The store's endpoint as configured: rows for a store taken out of the settings stay visible as pending.
  lrs: text('lrs').notNull(),
  statementId: uuid('statement_id').notNull(),
  statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
  tries: integer('tries').notNull().default(0),
  // Not before this time: a lease while one instance sends it, then the back-off after a failure.
  nextTryAt: moment('next_try_at').notNull().defaultNow(),
  lastError: text('last_error'),
  sentAt: moment('sent_at'),
}, (t) => [
  uniqueIndex('xapi_outbox_lrs_statement_unique').on(t.lrs, t.statementId),
  index('xapi_outbox_due_idx').on(t.nextTryAt).where(sql`${t.sentAt} is null`),
]);

// LTI 1.3 (lib/lti): the learning platforms an admin registered, the people and course contexts
// they launch, one-time login states, and the tool's own signing key.
export const ltiPlatforms = pgTable('lti_platforms', {
  id: uuidKey(),
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  // A platform may hold several deployments of the tool; a launch must name one of these.
  deploymentIds: text('deployment_ids').array().notNull(),
  authLoginUrl: text('auth_login_url').notNull(),
  authTokenUrl: text('auth_token_url').notNull(),
  jwksUrl: text('jwks_url').notNull(),
  // Where the platform's own pages are served from, which may differ from its issuer (Canvas):
  // the only origins allowed to frame the trainer after a launch from this platform.
  frameOrigins: text('frame_origins').array().notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('lti_platforms_issuer_client_unique').on(t.issuer, t.clientId)]);

const platformRef = () =>
  uuid('platform_id')
    .notNull()
    .references(() => ltiPlatforms.id, { onDelete: 'cascade' });

/** A platform's person (its `sub`) linked to the trainer account created or matched at their first launch. */
export const ltiIdentities = pgTable('lti_identities', {
  platformId: platformRef(),
  subject: text('subject').notNull(),
  userId: personRef(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.platformId, t.subject] }), index('lti_identities_user_idx').on(t.userId)]);

/** A course on the platform and the trainer team its learners are placed in. */
export const ltiContexts = pgTable('lti_contexts', {
  platformId: platformRef(),
  contextId: text('context_id').notNull(),
  teamId: teamRef(),
}, (t) => [primaryKey({ columns: [t.platformId, t.contextId] })]);

/**
 * One OIDC login: the state and nonce sent to the platform, crossed off by the launch that comes
 * back, so a replayed id_token finds its nonce already used.
 */
export const ltiLogins = pgTable('lti_logins', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull().unique(),
  platformId: platformRef(),
  createdAt: createdAt(),
  usedAt: moment('used_at'),
}, (t) => [index('lti_logins_created_idx').on(t.createdAt)]);

/**
 * A verified launch: who came from which platform to what. A scenario launch with a gradebook
 * column (AGS line item) makes the attempts the person then finishes there send their score back.
 */
export const ltiLaunches = pgTable('lti_launches', {
  id: uuidKey(),
  platformId: platformRef(),
  userId: personRef(),
  // The platform's id for the person, which its gradebook wants back with the score.
  subject: text('subject').notNull(),
  targetKind: text('target_kind').notNull(),
  targetId: text('target_id').notNull(),
  lineItem: text('line_item'),
  createdAt: createdAt(),
}, (t) => [index('lti_launches_user_idx').on(t.userId, t.targetId)]);

/** Scores owed to a platform's gradebook, one per finished attempt, sent by a background loop with retries (lib/lti/grades.ts). */
export const ltiScores = pgTable('lti_scores', {
  attemptId: uuid('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
  launchId: uuid('launch_id')
    .notNull()
    .references(() => ltiLaunches.id, { onDelete: 'cascade' }),
  tries: integer('tries').notNull().default(0),
  nextTryAt: moment('next_try_at').notNull().defaultNow(),
  lastError: text('last_error'),
  sentAt: moment('sent_at'),
}, (t) => [index('lti_scores_due_idx').on(t.nextTryAt).where(sql`${t.sentAt} is null`)]);

/** The tool's RSA key pair: the public half is published at /api/lti/jwks, the private half sealed with the session secret. */
export const ltiKeys = pgTable('lti_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateJwk: text('private_jwk').notNull(),
  createdAt: createdAt(),
});

/**
 * SCORM 1.2 packages exported for an LMS that has no LTI (lib/scorm): each names one module or
 * scenario and the LMS its learners come from. Revoking one stops its launches at once.
 */
export const scormPackages = pgTable('scorm_packages', {
  id: uuidKey(),
  targetKind: text('target_kind').notNull(),
  targetId: text('target_id').notNull(),
  // The LMS the package is for, as the admin named it: learners of packages with the same name are the same people.
  lms: text('lms').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  revokedAt: moment('revoked_at'),
});

/** An LMS's learner (its `cmi.core.student_id`) and the trainer account made at their first launch. */
export const scormIdentities = pgTable('scorm_identities', {
  lms: text('lms').notNull(),
  studentId: text('student_id').notNull(),
  userId: personRef(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.lms, t.studentId] }), index('scorm_identities_user_idx').on(t.userId)]);

/**
 * A scenario or persona written in the studio, as its author's draft. `revision` goes up by one
 * with every save, so a save based on an older revision is refused rather than overwriting
 * another author's work.
 */
export const studioDocuments = pgTable('studio_documents', {
  kind: studioKind('kind').notNull(),
  id: text('id').notNull(),
  draft: text('draft').notNull(),
  revision: integer('revision').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.kind, t.id] })]);

/**
 * Every publish of a studio document, never changed: the newest version of each is what plays.
 * `seq` orders all publishes, so an instance knows its catalogue is current by the highest it has seen.
 */
export const studioVersions = pgTable('studio_versions', {
  seq: serial('seq').primaryKey(),
  kind: studioKind('kind').notNull(),
  id: text('id').notNull(),
  version: integer('version').notNull(),
  yaml: text('yaml').notNull(),
  // Why this version exists when it is not a plain publish, such as a rollback.
  note: text('note'),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: moment('published_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('studio_versions_doc_version_unique').on(t.kind, t.id, t.version)]);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// Admin: everyone's account, searchable by name, role, team and status, with new accounts and the activity log.
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { roles } from '@/lib/roles';
import { cachedDemoExposure, demoEmails } from '@/lib/admin/demo';
import { listTeams } from '@/lib/admin/teams';
import { listPeople, type PeopleFilter, type PersonRow } from '@/lib/admin/users';
import { requirePageUser } from '@/lib/auth/guards';
import { recentAudit, type AuditAction } from '@/lib/audit';
import { dateTime } from '@/lib/format';
import { Table } from '@/app/_components/Table';
import { AdminNav } from './AdminNav';
import styles from './admin.module.css';
import { NewUserForm } from './NewUserForm';
import { RemoveDemo } from './RemoveDemo';
import { UserRow } from './UserRow';
import { RoleOptions } from './RoleOptions';
import { TeamOptions } from '@/app/_components/TeamOptions';
import { InputField, SelectField } from '@/app/_components/Field';
import { outboxHealth, xapiSettings } from '@/lib/xapi/outbox';
import { LrsHealth } from './LrsHealth';

export const metadata: Metadata = { title: 'Admin' };

// Filters come from the address bar: anything unexpected is ignored rather than refused.
const Filter = z.object({
  q: z.string().max(200).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  team: z.string().max(100).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

function teamsText(p: PersonRow): string {
  return [...p.teams.map((t) => t.name), ...p.manages.map((t) => `${t.name} (manages)`)].join(', ');
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user: admin, db } = await requirePageUser('/admin', ['admin']);
  const params = Filter.parse(await searchParams);
  const filter: PeopleFilter = { q: params.q, role: params.role, teamId: params.team || undefined, status: params.status, page: params.page };
  const [people, teams, activity, demo, lrs] = await Promise.all([
    listPeople(db, filter),
    listTeams(db),
    recentAudit(db, 50),
    cachedDemoExposure(),
    xapiSettings() ? outboxHealth(db) : undefined,
  ]);
  const filtered = Boolean(filter.q || filter.role || filter.teamId || filter.status);
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: params.q, role: params.role, team: params.team, status: params.status })) if (v) q.set(k, v);
    q.set('page', String(page));
    return `/admin?${q.toString()}`;
  };

  return (
    <section className="stack">
      <h1>People</h1>
      <AdminNav current="/admin" />
      <p className="lead">
        Deactivating someone or changing their role signs them out at once, on every device. Their records stay.
      </p>

      {demo.accounts > 0 && (
        <section id="demo" className="card" aria-labelledby="demo-title">
          <h2 id="demo-title" className="card-title">
            Demo organisation
          </h2>
          <p>
            {demo.publishedPassword
              ? 'Its admin and managers still sign in with the published password, so the server only serves this computer unless HOST is set.'
              : 'Its admin and managers no longer use the published password.'}
          </p>
          <RemoveDemo accounts={demo.accounts} self={demoEmails().includes(admin.email)} />
        </section>
      )}

      {lrs && <LrsHealth stores={lrs} />}

      <details className={`card ${styles.details}`}>
        <summary>Add a person</summary>
        <NewUserForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
      </details>

      <form className={styles.filters} method="get" action="/admin" role="search" aria-label="Find people">
        <InputField id="filter-q" label="Name or email" name="q" type="search" defaultValue={params.q ?? ''} maxLength={200} />
        <SelectField id="filter-role" label="Role" name="role" defaultValue={params.role ?? ''}>
          <option value="">Any role</option>
          <RoleOptions plural />
        </SelectField>
        <SelectField id="filter-team" label="Team" name="team" defaultValue={params.team ?? ''}>
          <TeamOptions teams={teams} none="Any team" />
        </SelectField>
        <SelectField id="filter-status" label="Account" name="status" defaultValue={params.status ?? ''}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="inactive">Deactivated</option>
        </SelectField>
        <button type="submit" className="button button-quiet">
          Find
        </button>
      </form>

      <div className={styles.pager}>
        <p className={`muted ${styles.flat}`}>
          {people.total === 0
            ? 'Nobody matches.'
            : `${people.total} ${people.total === 1 ? 'person' : 'people'}${filtered ? ' match' : ''}${people.pages > 1 ? `, page ${people.page} of ${people.pages}` : ''}.`}{' '}
          {filtered && <Link href="/admin">Show everyone</Link>}
        </p>
      </div>
      <Table
        caption="All accounts"
        columns={['Name', 'Email', 'Teams', 'Role', 'Account']}
        rows={people.people}
        empty="No accounts to list."
        className={styles.labels}
        row={(u) => (
          <UserRow
            key={u.id}
            user={{ id: u.id, name: u.name, email: u.email, role: u.role, active: u.active }}
            teams={teamsText(u)}
            self={u.id === admin.id}
          />
        )}
      />
      {people.pages > 1 && (
        <nav aria-label="Pages of people" className={styles.pager}>
          {people.page > 1 ? <Link href={pageHref(people.page - 1)}>← Previous page</Link> : <span />}
          {people.page < people.pages ? <Link href={pageHref(people.page + 1)}>Next page →</Link> : <span />}
        </nav>
      )}

      <h2 id="activity">Recent activity</h2>
      <p className="muted">Sign-ins, sign-outs, failed sign-ins, refused pages and every change to accounts and teams, newest first.</p>
      <Table
        labelledBy="activity"
        columns={[
          { label: 'When (UTC)', cell: (a) => dateTime(a.at) },
          { label: 'Event', cell: (a) => auditLabels[a.action as AuditAction] ?? a.action },
          { label: 'Who', cell: (a) => a.actorName ?? '—' },
          { label: 'About', cell: (a) => a.subject ?? '—' },
          { label: 'Address', cell: (a) => a.ip ?? '—' },
        ]}
        rows={activity}
        rowKey={(a) => String(a.id)}
        empty="Nothing yet."
        className={styles.labels}
      />
    </section>
  );
}

// Partial: other areas add their own events, which show under their action name until labelled here.
const auditLabels: Partial<Record<AuditAction, string>> = {
  signin: 'Signed in',
  'signin.failed': 'Failed sign-in',
  'signin.limited': 'Sign-in paused (too many failures)',
  'signin.sso_refused': 'Company sign-in refused',
  'user.sso_linked': 'Linked to a company sign-in',
  signout: 'Signed out',
  'access.denied': 'Refused a page or request',
  'access.not_found': 'Asked for someone else’s record (answered “not found”)',
  'learner.viewed': 'Opened a learner’s record',
  'transcript.viewed': 'Opened a transcript',
  'team.exported': 'Exported team results (CSV)',
  'user.password_changed': 'Changed their password',
  'user.two_step_enabled': 'Turned on two-step sign-in',
  'user.two_step_disabled': 'Turned off two-step sign-in',
  'user.recovery_codes_replaced': 'Made new recovery codes',
  'user.two_step_reset': 'Two-step sign-in turned off by an admin',
  'session.revoked': 'Ended session used',
  'user.deactivated': 'Account deactivated',
  'user.reactivated': 'Account reactivated',
  'user.role_changed': 'Role changed',
  'user.created': 'Account added',
  'user.updated': 'Account edited',
  'user.data_exported': 'Downloaded their data',
  'user.erased': 'Person erased',
  'users.imported': 'People imported',
  'team.created': 'Team created',
  'team.renamed': 'Team renamed',
  'team.deleted': 'Team deleted',
  'team.member_added': 'Added to a team',
  'team.member_removed': 'Removed from a team',
  'team.manager_added': 'Made a team manager',
  'team.manager_removed': 'No longer a team manager',
  'checkup.plan_created': 'Check-up planned',
  'checkup.plan_stopped': 'Check-up plan stopped',
  'demo.removed': 'Demo organisation removed',
  'studio.created': 'Studio: scenario or persona created',
  'studio.published': 'Studio: published',
  'studio.rolled_back': 'Studio: rolled back',
};

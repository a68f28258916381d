// Team: the teams a manager leads and who is on them (admins see every team).
import type { Metadata } from 'next';
import { getDb } from '@/db/runtime';
import { requirePageUser } from '@/lib/auth/guards';
import { teamsFor } from '@/lib/teams';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const user = await requirePageUser('/team', ['manager', 'admin']);
  const teams = await teamsFor(await getDb(), user);
  return (
    <section className="stack">
      <h1>{user.role === 'admin' ? 'Teams' : teams.length === 1 ? teams[0]!.name : 'Your teams'}</h1>
      <p className="lead">
        Soon: a skills heatmap for each team, onboarding progress, overdue check-ups, and each learner’s transcripts.
      </p>
      {teams.length === 0 && <p className="card">You don’t manage a team yet. An admin can add you as a team’s manager.</p>}
      {teams.map((team) => (
        <div key={team.id} className="stack">
          {(user.role === 'admin' || teams.length > 1) && <h2>{team.name}</h2>}
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">Members of {team.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Account</th>
                </tr>
              </thead>
              <tbody>
                {team.members.map((m) => (
                  <tr key={m.id}>
                    <td data-label="Name">{m.name}</td>
                    <td data-label="Email">{m.email}</td>
                    <td data-label="Account">
                      <span className={`status-pill ${m.active ? 'status-active' : 'status-inactive'}`}>
                        {m.active ? 'Active' : 'Deactivated'}
                      </span>
                    </td>
                  </tr>
                ))}
                {team.members.length === 0 && (
                  <tr>
                    <td colSpan={3}>No members yet.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

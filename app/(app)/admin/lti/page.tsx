// Admin: the learning platforms that launch the trainer over LTI 1.3, the addresses to paste into one, and the form to register another.
import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/guards';
import { dateTime } from '@/lib/format';
import { listPlatforms, recentRefusals, toolUrls, type Platform } from '@/lib/lti/platforms';
import { listPackages, packageTargets, targetOf, type ScormPackage } from '@/lib/scorm/packages';
import { refusalText, type RefusalCode } from '@/lib/lti/refusal';
import { Table, type Column } from '@/app/_components/Table';
import { AdminNav } from '../AdminNav';
import styles from '../admin.module.css';
import { PlatformForm } from './PlatformForm';
import { ConfirmedDelete } from './ConfirmedDelete';
import { PackageForm } from './PackageForm';

export const metadata: Metadata = { title: 'Learning platforms' };

const platformColumns: readonly Column<Platform>[] = [
  { label: 'Platform', cell: (p) => p.name },
  { label: 'Issuer', cell: (p) => <code>{p.issuer}</code> },
  { label: 'Client id', cell: (p) => <code>{p.clientId}</code> },
  { label: 'Deployments', cell: (p) => p.deploymentIds.join(', ') },
  {
    label: 'Actions',
    hidden: true,
    cell: (p) => (
      <ConfirmedDelete
        url={`/api/admin/lti/platforms/${p.id}`}
        label={`Remove ${p.name}`}
        question={`Remove ${p.name}? Links from it will stop opening the trainer. Accounts and results stay.`}
        done={`Removed ${p.name}.`}
      />
    ),
  },
];

/** A package, with the title of what it opens. */
type PackageRow = ScormPackage & { title: string };

const packageColumns: readonly Column<PackageRow>[] = [
  { label: 'Opens', cell: (p) => p.title },
  { label: 'LMS', cell: (p) => p.lms },
  { label: 'Exported', cell: (p) => `${dateTime(p.createdAt)} UTC` },
  { label: 'Status', cell: (p) => (p.revokedAt ? `Revoked ${dateTime(p.revokedAt)} UTC` : 'Live') },
  {
    label: 'Actions',
    hidden: true,
    cell: (p) =>
      !p.revokedAt && (
        <ConfirmedDelete
          url={`/api/admin/scorm/packages/${p.id}`}
          label="Revoke"
          name={`Revoke the package for ${p.title}`}
          question={`Revoke the package for ${p.title}? Learners who open it in ${p.lms} will be refused. Their results stay.`}
          done={`Revoked the package for ${p.title}.`}
        />
      ),
  },
];

export default async function LtiPage() {
  const { db } = await requirePageUser('/admin/lti', ['admin']);
  const [platforms, refusals, packages] = await Promise.all([listPlatforms(db), recentRefusals(db), listPackages(db)]);
  const targets = packageTargets().map((t) => ({ value: `${t.kind}:${t.id}`, label: t.title, group: t.kind === 'module' ? 'Modules' : 'Scenarios' }));
  const urls = toolUrls();
  const paste = [
    ['Login initiation URL (OIDC login)', urls.loginUrl],
    ['Launch URL (redirect URI, target link URI)', urls.launchUrl],
    ['Deep linking URL', urls.deepLinkUrl],
    ['Public key set URL (JWKS)', urls.jwksUrl],
    ['Domain', urls.domain],
  ] as const;
  return (
    <section className="stack">
      <h1>Learning platforms</h1>
      <AdminNav current="/admin/lti" />
      <p className="lead">
        Connect an LMS such as Moodle, Canvas or Brightspace over LTI 1.3: learners open modules and scenarios from their course without a second
        sign-in, each course gets a team here, and scenario scores go back to the course gradebook.
      </p>
      <section className="card stack" aria-labelledby="paste-heading">
        <h2 id="paste-heading">1. Add the trainer in your LMS</h2>
        <p>Register a new LTI 1.3 tool in the LMS with these addresses, and turn on deep linking and grade passback (Assignment and Grade Services).</p>
        <dl className={styles.pairs}>
          {paste.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card stack" aria-labelledby="register-heading">
        <h2 id="register-heading">2. Register the LMS here</h2>
        <p>Copy these values from the tool’s details in your LMS once it is saved there.</p>
        <PlatformForm />
      </section>
      <h2 id="platforms-heading">Registered platforms</h2>
      <Table labelledBy="platforms-heading" columns={platformColumns} rows={platforms} rowKey={(p) => p.id} empty="No platform is registered yet." className={styles.labels} />
      <section className="card stack" aria-labelledby="scorm-heading">
        <h2 id="scorm-heading">SCORM 1.2 packages</h2>
        <p>
          For an LMS without LTI: download a package for one module or scenario and upload it to the LMS. It opens the trainer inside the course,
          signs the learner in with their LMS identity, and reports completion (modules) or pass, fail and score out of 100 with each decision
          (scenarios).
        </p>
        <PackageForm targets={targets} />
      </section>
      <h2 id="packages-heading">Exported packages</h2>
      <Table
        labelledBy="packages-heading"
        columns={packageColumns}
        rows={packages.map((p) => ({ ...p, title: targetOf(p)?.title ?? `${p.targetKind} ${p.targetId} (no longer in the course)` }))}
        rowKey={(p) => p.id}
        empty="No package has been exported."
        className={styles.labels}
      />
      <h2 id="refusals-heading">Recently refused launches</h2>
      <p className="muted">Each refused login or launch, newest first, with the reason the learner was not told. Most come from a value typed differently here and in the LMS.</p>
      <Table
        labelledBy="refusals-heading"
        columns={[
          { label: 'When', cell: (r) => `${dateTime(r.at)} UTC` },
          { label: 'What the learner saw', cell: (r) => refusalText[r.code as RefusalCode]?.title ?? r.code },
          { label: 'Why', cell: (r) => `${r.stage === 'login' ? 'Login' : 'Launch'}: ${r.reason}` },
        ]}
        rows={refusals}
        rowKey={(r) => `${r.at.toISOString()}-${r.reason}`}
        empty="No launch has been refused."
        className={styles.labels}
      />
    </section>
  );
}

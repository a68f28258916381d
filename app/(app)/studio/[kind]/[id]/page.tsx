// One scenario or persona in the studio: the editor for one written here, or a read-only look at a shipped one with a way to copy it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/guards';
import { personaCatalogue, shippedPersonas } from '@/lib/content/scenarios';
import { authoringRoles } from '@/lib/roles';
import { getDocument, isShipped, kindOf, versionsOf, type StudioKind } from '@/lib/studio/documents';
import { shippedYaml } from '@/lib/studio/files';
import { Editor } from '../../_components/Editor';
import { ShippedView } from '../../_components/ShippedView';
import { StatusPill } from '../../StatusPill';

export const metadata: Metadata = { title: 'Studio' };

function kindOrNone(segment: string): StudioKind | undefined {
  try {
    return kindOf(segment);
  } catch {
    return undefined;
  }
}

export default async function StudioDocumentPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind: segment, id } = await params;
  const { db } = await requirePageUser(`/studio/${segment}/${id}`, authoringRoles);
  const kind = kindOrNone(segment);
  if (!kind) notFound();
  const noun = kind === 'scenario' ? 'Scenario' : 'Persona';
  const back = (
    <p>
      <Link href="/studio">← Studio</Link>
    </p>
  );

  if (isShipped(kind, id)) {
    return (
      <section className="stack">
        {back}
        <h1>
          {noun} <code>{id}</code> <StatusPill status="shipped" version={null} />
        </h1>
        <ShippedView kind={kind} id={id} yaml={shippedYaml(kind, id)} />
      </section>
    );
  }
  const doc = await getDocument(db, kind, id);
  if (!doc) notFound();
  const versions = await versionsOf(db, kind, id);
  const status = !doc.published ? 'draft' : doc.published.yaml === doc.draft ? 'published' : 'changed';
  return (
    <section className="stack">
      {back}
      <h1>
        {noun} <code>{id}</code> <StatusPill status={status} version={doc.published?.version ?? null} />
      </h1>
      <Editor
        kind={kind}
        id={id}
        initial={{ draft: doc.draft, revision: doc.revision }}
        personas={[...personaCatalogue().values()]}
        shippedPersonaIds={[...shippedPersonas().keys()]}
        versions={versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() }))}
      />
    </section>
  );
}

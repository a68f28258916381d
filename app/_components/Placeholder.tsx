// A page for an area that is on its way: says plainly what will be here.
import type { ReactNode } from 'react';

export function Placeholder({ title, lead, coming }: { title: string; lead: string; coming: ReactNode[] }) {
  return (
    <section className="stack">
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <div className="card">
        <h2 className="card-title">Coming to this page</h2>
        <ul className="checklist">
          {coming.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

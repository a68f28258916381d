// Shown with a 404 status for an address that does not exist.
import Link from 'next/link';
import { ClientHeader } from './_components/ClientHeader';

export default function NotFound() {
  return (
    <>
      <ClientHeader />
      <main id="main" tabIndex={-1} className="page">
        <section className="stack">
          <h1>Page not found</h1>
          <p className="lead">There is nothing at this address. It may have moved, or the link may have a typo.</p>
          <p>
            <Link href="/">Go to your home page</Link>
          </p>
        </section>
      </main>
    </>
  );
}

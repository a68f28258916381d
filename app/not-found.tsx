// Shown with a 404 status for an address that does not exist.
import { LazyClientHeader } from './_components/LazyClientHeader';

export default function NotFound() {
  return (
    <>
      <LazyClientHeader />
      <main id="main" tabIndex={-1} className="page">
        <section className="stack">
          <h1>Page not found</h1>
          <p className="lead">There is nothing at this address. It may have moved, or the link may have a typo.</p>
          <p>
            {/* A plain link: Next sends this page's client code with every page, and next/link would add a copy of itself. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Go to your home page</a>
          </p>
        </section>
      </main>
    </>
  );
}

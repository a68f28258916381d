// Shown with a 403 status when a signed-in person opens a page their role does not include.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="stack">
      <h1>This page isn’t available to you</h1>
      <p className="lead">
        Your account doesn’t have access to this area. If you think it should, ask your manager or an admin to check your role.
      </p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </section>
  );
}

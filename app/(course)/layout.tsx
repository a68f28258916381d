// Prerendered course pages: the same HTML for everyone, with the header and progress loaded in the browser.
import type { ReactNode } from 'react';
import { ClientHeader } from '@/app/_components/ClientHeader';

export default function CourseLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <ClientHeader />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}

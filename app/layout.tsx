// The document around every page. It reads no cookies, so pages below it can be prerendered.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Empathy Trainer', template: '%s · Empathy Trainer' },
  description: 'Learn and practise empathy with customers: short lessons, then role-plays with simulated customers.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4e5f' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}

// Next.js configuration: native and WASM database/hash packages stay outside the server bundle; security headers on every response.
import { securityHeaders } from './lib/security-headers.mjs';

const dev = process.env.NODE_ENV === 'development';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'argon2', 'mdx-bundler', 'esbuild'],
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Every page's title is in <head> from the first byte rather than streamed in after the body:
  // our metadata is static and costs nothing to wait for, and screen readers and tabs get it at once.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders({ dev }) },
      // Every JSON answer is about someone (sessions included): no browser or proxy may keep a copy.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'private, no-store' }] },
      // A player's answers are a kilobyte or two: gzip saves a few hundred bytes and costs more server time
      // than the database work behind them (measured in ADR 11), so the response compressor is told to skip them.
      { source: '/api/attempts/:path*', headers: [{ key: 'Cache-Control', value: 'private, no-store, no-transform' }] },
    ];
  },
};

export default nextConfig;

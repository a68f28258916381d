// The browser security policy every response carries; shared by next.config.mjs (all responses) and proxy.ts (per-request pages).

/**
 * The Content-Security-Policy. Prerendered pages cannot carry a per-request nonce, so their
 * script policy allows the framework's inline bootstrap scripts ('unsafe-inline') but no other
 * origin; pages rendered per request get a nonce and 'strict-dynamic' instead (ADR 10).
 * `frameAncestors` names the learning platform a person was launched from (none otherwise), and
 * `formActions` the platform a deep-linking answer is posted back to.
 * @param {{ dev?: boolean, nonce?: string, frameAncestors?: string[], formActions?: string[] }} [options]
 */
export function contentSecurityPolicy({ dev = false, nonce, frameAncestors = [], formActions = [] } = {}) {
  // 'self' stays beside the nonce for browsers without 'strict-dynamic', which ignore it then.
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  // Development only: React's fast refresh evaluates code and talks over a websocket.
  if (dev) script.push("'unsafe-eval'");
  const directives = {
    'default-src': ["'self'"],
    'script-src': script,
    // Recharts, framer-motion and progress bars set style attributes, which only 'unsafe-inline' allows.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", 'ws:'] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'", ...formActions],
    'frame-ancestors': frameAncestors.length ? ["'self'", ...frameAncestors] : ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Headers for every response, pages, API and static files alike. HSTS is not here: it depends on
 * how the app is reached, which the server script knows at run time.
 * @param {{ dev?: boolean }} [options]
 */
export function securityHeaders({ dev = false } = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ];
}

export const HSTS = 'max-age=31536000; includeSubDomains';

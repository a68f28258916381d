// Types for lib/security-headers.mjs, which next.config.mjs loads without a TypeScript step.
export function contentSecurityPolicy(options?: { dev?: boolean; nonce?: string; frameAncestors?: string[]; formActions?: string[] }): string;
export function securityHeaders(options?: { dev?: boolean }): { key: string; value: string }[];
export const HSTS: string;

// Checks shared by the security and bad-input specs: error answers a person can read, with nothing of the server's insides.
import { expect, type APIResponse } from '@playwright/test';

/** No stack frame, source path or library folder in what a client is shown. */
export function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|\.tsx?:\d|\.m?js:\d|node_modules|webpack-internal/);
}

export async function expectReadableError(res: APIResponse, status: number, label: string) {
  const text = await res.text();
  expect(res.status(), `${label}: ${text}`).toBe(status);
  expect(res.headers()['content-type'], label).toContain('application/json');
  const body = JSON.parse(text) as { error?: unknown };
  expect(typeof body.error, label).toBe('string');
  expect((body.error as string).length, label).toBeGreaterThan(5);
  expectNoStackTrace(text);
}

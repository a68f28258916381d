// Readiness probe for load balancers and the benchmark's baseline: answers without touching a session.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true });
}

// Readiness probe: answers 200 only when this instance can reach its database (GET /api/health is liveness only).
import { readiness } from '@/lib/readiness';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return readiness();
}

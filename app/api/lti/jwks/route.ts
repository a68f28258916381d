// The tool's public key set, which platforms use to check its deep-linking answers and grade-service requests.
import { handleJwks } from '@/lib/lti/http';

export const dynamic = 'force-dynamic';
export const GET = handleJwks;

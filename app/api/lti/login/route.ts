// LTI 1.3 login initiation: the platform sends the person here first, by link (GET) or form (POST).
import { handleLogin } from '@/lib/lti/http';

export const dynamic = 'force-dynamic';
export const GET = handleLogin;
export const POST = handleLogin;

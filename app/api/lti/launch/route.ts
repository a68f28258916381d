// LTI 1.3 launch: the platform posts the signed id_token here (resource links and deep-linking requests alike).
import { handleLaunch } from '@/lib/lti/http';

export const dynamic = 'force-dynamic';
export const POST = handleLaunch;

// SCORM launch: a package's page opens this in its frame with the package token and the LMS's learner id.
import { handleScormLaunch } from '@/lib/scorm/http';

export const dynamic = 'force-dynamic';
export const GET = handleScormLaunch;

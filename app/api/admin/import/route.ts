// Admin: imports people from a users CSV sent as text, answering with the row-by-row report.
import { z } from 'zod';
import { importUsers } from '@/lib/admin/import';
import { MAX_IMPORT_BYTES } from '@/lib/admin/users-csv';
import { requireApiUser } from '@/lib/auth/guards';
import { apiRoute, readJson } from '@/lib/http';

const Import = z.strictObject({
  csv: z.string().min(1, 'The file is empty.').max(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB. Split it into smaller files.`),
  createTeams: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

// JSON escaping can double a file's size (quotes, line breaks), so the body may be larger than the file.
const MAX_BODY = MAX_IMPORT_BYTES * 2 + 1024;

export const POST = apiRoute(async (req: Request) => {
  const { user: admin, db } = await requireApiUser('/api/admin/import', ['admin']);
  const { csv, createTeams, dryRun } = await readJson(req, Import, MAX_BODY);
  const result = await importUsers(db, admin.id, csv, { createTeams, dryRun });
  return Response.json(result);
});

// `npm run users:add -- EMAIL "FULL NAME" ROLE [--sso]`: adds an account, e.g. the first admin of a production database.
import crypto from 'node:crypto';
import { roles, type Role } from '../db/schema';
import { closeRuntimeDatabase, runtimeDatabase } from '../db/runtime';
import { createUser, UserChangeError } from '@/lib/auth/users';

const usage = 'Usage: npm run users:add -- EMAIL "FULL NAME" ROLE [--sso]   (ROLE: learner, manager or admin)';

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== 'add');
  const sso = args.includes('--sso');
  const [email, name, role] = args.filter((a) => a !== '--sso');
  if (!email || !name || !role || !roles.includes(role as Role)) throw new UserChangeError(400, usage);
  const { db } = await runtimeDatabase();
  // A generated first password, shown once; single-sign-on accounts have none.
  const password = sso ? null : crypto.randomBytes(12).toString('base64url');
  // It travels by chat or email, so the person replaces it at first sign-in.
  const user = await createUser(db, { email, name, role: role as Role, password, mustChangePassword: password !== null });
  console.log(`Added ${user.name} <${user.email}> as ${user.role}.`);
  if (password) console.log(`First password (shown once; share it privately; they choose their own at first sign-in): ${password}`);
}

main()
  .catch((e) => {
    console.error(e instanceof UserChangeError ? `✖ ${e.message}` : e);
    process.exitCode = 1;
  })
  .finally(() => closeRuntimeDatabase());

// The limits every admin form, route and import applies to names and emails, in one place.
import { z } from 'zod';

export const MAX_NAME_LENGTH = 200;
export const MAX_TEAM_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;

const emailSchema = z.email().max(MAX_EMAIL_LENGTH);

/** For an already lower-cased, trimmed address. */
export function isEmail(email: string): boolean {
  return emailSchema.safeParse(email).success;
}

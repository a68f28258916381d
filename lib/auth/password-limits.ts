// How long a password may be: one home for the server that checks it and the forms that ask for one.
export const MIN_PASSWORD_LENGTH = 8;
/** Long passphrases are welcome; beyond this the argon2 cost is all a caller would gain. */
export const MAX_PASSWORD_LENGTH = 256;

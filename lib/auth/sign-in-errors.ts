// The error codes a failed sign-in carries through next-auth to the sign-in page (safe for the browser).
export const signInErrors = {
  invalid: 'CredentialsSignin',
  inactive: 'AccountInactive',
  limitedPrefix: 'RateLimited:',
  noAccount: 'NoAccount',
  unverifiedEmail: 'UnverifiedEmail',
  otherIdentity: 'OtherIdentity',
  codeNeeded: 'TwoStepCodeNeeded',
  codeInvalid: 'TwoStepCodeInvalid',
} as const;

// Why a launch (LTI or SCORM) was refused: a short code for the page the person sees, and the detail for the audit trail.
export type RefusalCode =
  | 'unknown-platform'
  | 'unknown-deployment'
  | 'bad-login'
  | 'bad-token'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'replayed'
  | 'no-state'
  | 'inactive'
  | 'unknown-package';

export class LaunchRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'LaunchRefusal';
  }
}

/** What the refusal page says, written for a learner who only clicked a link in their course. */
export const refusalText: Record<RefusalCode, { title: string; body: string }> = {
  'unknown-platform': { title: 'This course is not connected yet', body: 'The trainer does not know the learning platform this link came from. Ask your learning platform admin to register it in the trainer.' },
  'unknown-deployment': { title: 'This course is not connected yet', body: 'The link came from a part of your learning platform the trainer was not set up for. Ask your learning platform admin to add its deployment id.' },
  'bad-login': { title: 'The link could not start', body: 'The request from your learning platform was incomplete. Go back to your course and open the link again.' },
  'bad-token': { title: 'The link could not be checked', body: 'The sign-in sent by your learning platform was not in the expected form. Go back to your course and open the link again; if it keeps happening, tell your learning platform admin.' },
  'bad-signature': { title: 'The link could not be trusted', body: 'The sign-in sent with this link was not signed by your learning platform, so the trainer did not accept it. Go back to your course and open the link again.' },
  'wrong-audience': { title: 'The link was meant for another tool', body: 'The sign-in sent with this link was addressed to a different tool. Ask your learning platform admin to check the trainer’s client id.' },
  expired: { title: 'The link has expired', body: 'Too much time passed between opening the link and the trainer receiving it. Go back to your course and open the link again.' },
  replayed: { title: 'This link was already used', body: 'Each sign-in from your learning platform works once. Go back to your course and open the link again to get a fresh one.' },
  'no-state': { title: 'Your browser blocked the sign-in', body: 'The trainer could not keep track of the sign-in inside your course page, usually because the browser blocks cookies in embedded pages. Go back to your course and open the link again; if it keeps happening, ask your learning platform admin to open the trainer in a new window.' },
  'unknown-package': { title: 'This course package no longer opens the trainer', body: 'The trainer admin has withdrawn this package, or it was changed after it was downloaded. Ask your LMS admin to upload a current one.' },
  inactive: { title: 'Your trainer account is switched off', body: 'An admin has deactivated the account your course signs you in to. Ask your trainer admin to reactivate it.' },
};

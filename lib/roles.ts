// The three roles, as data the database enum, request validation and the pickers share.

export const roles = ['learner', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

// The four roles, as data the database enum, request validation and the pickers share.

export const roles = ['learner', 'manager', 'author', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who may manage teams and see their reports. */
export const managingRoles = ['manager', 'admin'] as const satisfies readonly Role[];
export const canManage = (role: Role): boolean => (managingRoles as readonly Role[]).includes(role);

/** Who may write and publish scenarios and personas in the studio. */
export const authoringRoles = ['author', 'admin'] as const satisfies readonly Role[];
export const canAuthor = (role: Role): boolean => (authoringRoles as readonly Role[]).includes(role);

// Words for stored values shown to managers and learners, so every page names an outcome the same way.

const outcomes: Record<string, string> = { success: 'Success', partial: 'Partly resolved', failure: 'Went wrong' };

/** A role-play ending's outcome in words; an outcome this list does not know is shown as stored rather than hidden. */
export const outcomeLabel = (outcome: string | null): string => outcomes[outcome ?? ''] ?? outcome ?? '';

/** A score change as shown beside a skill: "+2", "−1" (a true minus sign), "0". */
export const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`.replace('-', '−'));

// The course's fixed vocabulary: the skills every decision is scored on and the principles content teaches.

/** Each skill with its label, a one-line description, and the principle at its core: a module teaching that principle teaches the skill. */
export const skills = {
  relating: { label: 'Relating experience', short: 'Shares a brief, relevant experience as an equal, then returns to the customer.', core: 'P23' },
  reflecting: { label: 'Reflecting emotion', short: 'Names the feeling and its reason back to the customer.', core: 'P24' },
  normalizing: { label: 'Normalizing', short: 'Tells customers their problem and feeling are normal, without lumping them in with everyone.', core: 'P25' },
  apologizing: { label: 'Apologizing', short: 'Takes personal responsibility and acknowledges the frustration; never a non-apology.', core: 'P15' },
  nonverbal: { label: 'Nonverbal cues', short: 'Reads tone, pace and posture, and sends calm, open signals back.', core: 'P19' },
  timing: { label: 'Timing', short: 'Shows empathy the moment the emotional clue appears, not at the end.', core: 'P5' },
  personalizing: { label: 'Making it personal', short: 'Uses the name, recaps the situation, avoids pasted templates.', core: 'P16' },
  ownership: { label: 'Ownership', short: 'Says what is being done and what happens next, and commits to it.', core: 'P17' },
  language: { label: 'Language', short: 'Plain words, no jargon, no fear words, no “yes, but”.', core: 'P9' },
} as const;

export type SkillId = keyof typeof skills;
export const skillIds = Object.keys(skills) as SkillId[];

export function isSkillId(value: string): value is SkillId {
  return Object.hasOwn(skills, value);
}

/** The 25 principles of the curriculum, in brief. Modules and scenarios cite them by id. */
export const principles: Record<string, string> = {
  P1: 'Reflect the emotion you hear; it helps an upset customer feel heard and calm down',
  P2: 'Missing empathy is the most common failing in calls from customers who later warn others off',
  P3: 'Good news deserves empathy too: share the pleasure and congratulate',
  P4: 'Some tasks are frustrating by nature; acknowledge that even when the customer sounds fine',
  P5: 'Show empathy the moment the clue appears, not at the end',
  P6: 'Empathy must sound genuine; every call is the customer’s first of the day',
  P7: 'Feeling the customer’s discomfort drives you to own the fix and go further',
  P8: 'Listen actively: full attention, no interrupting, open questions, paraphrase, confirm',
  P9: 'Plain language, no jargon, a respectful tone',
  P10: 'Biases and stereotypes distort service; look for common ground',
  P11: 'With difficult customers, stay calm, do not take it personally, listen first',
  P12: 'Acknowledge the frustration while upholding a policy you cannot change',
  P13: 'Each channel has its own signals: in person, phone, email and chat',
  P14: 'Know what motivates customers and what problem they want solved',
  P15: 'A real apology takes responsibility; never a non-apology, never blame the customer',
  P16: 'Make it personal: name, recap, be on their side, use their history',
  P17: 'Show what you are doing and say exactly what happens next',
  P18: 'Step back after a rough interaction so it does not reach the next customer',
  P19: 'Posture, expression and tone can contradict kind words',
  P20: 'Map what the customer feels, sees, says, fears and wants',
  P21: 'Fear words shut people down and “yes, but” dismisses; ask to hear more instead',
  P22: 'Kind phrases are not believed unless recurring problems get fixed',
  P23: 'A short story of your own similar experience shows you are equals',
  P24: 'Acknowledge the bad feeling and its reason; it conveys warmth and defuses tension',
  P25: 'Tell customers their problem and feeling are normal; reassure the self-critical',
};

export const principleIds = Object.keys(principles);

export const channels = ['phone', 'chat', 'email', 'in-person'] as const;
export type Channel = (typeof channels)[number];

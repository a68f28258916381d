// Limits on typed replies, shared by the coach, the attempts API and the player's reply box.

/** Longest reply the coach reads, in characters: about a minute of speech. */
export const MAX_REPLY_LENGTH = 1200;

/** A reply of nothing but spaces says nothing: the reply box will not send it and the API refuses it. */
export function isBlankReply(text: string): boolean {
  return text.trim().length === 0;
}

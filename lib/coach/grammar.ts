// Grammar the detectors share, over wink's reading: negation scope, past forms and participles, and a match's words.
import type { Match, Reading, Token } from './nlp';

const NEGATORS = new Set(['not', 'never', 'no', 'without', 'nobody', 'nothing', 'neither', 'nor', 'hardly', 'none']);

/**
 * Whether a negation governs this phrase: wink-nlp flags the tokens, and a negator must sit in the
 * phrase or within four words before it in the same clause ("I'm not blaming you", "you don't need
 * to worry"), so "Oh no, that's upsetting" stays a reflection.
 */
export function negatedAt(r: Reading, m: Match, inside = true): boolean {
  if (inside) for (let i = m.first; i < m.last; i++) if (negates(r, i)) return true;
  if (!r.tokens.slice(Math.max(0, m.first - 1), m.last + 1).some((t) => t.negated) && !NEGATORS.has(r.tokens[m.first - 1]?.norm ?? '')) return false;
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) {
    const t = r.tokens[i]!;
    if (t.pos === 'PUNCT') return false;
    if (negates(r, i)) return true;
  }
  return false;
}

// "I'm not surprised that upset you", "no wonder you're fed up", "not at all surprising": a negated surprise affirms what follows.
// Likewise "I can't imagine how devastating that is": the rep saying it is beyond words, not denying it.
const AFFIRMING = new Set(['surprised', 'surprising', 'surprise', 'wonder', 'doubt', 'imagine']);

function negates(r: Reading, i: number): boolean {
  if (!NEGATORS.has(r.tokens[i]!.norm)) return false;
  // "losing a day's pay for nothing is infuriating": after a preposition it is an object, not a negation.
  if (['nothing', 'none', 'nobody', 'no one'].includes(r.tokens[i]!.norm) && r.tokens[i - 1]?.pos === 'ADP') return false;
  const next = r.tokens.slice(i + 1, i + 4).map((t) => t.norm);
  return !AFFIRMING.has(next[0] ?? '') && !(next[0] === 'at' && next[1] === 'all' && AFFIRMING.has(next[2] ?? ''));
}

/** A past form, even where the model gives no lemma ("overbooked"); "need" and "feed" only look like one. */
export const pastForm = (t: Token) => t.lemma !== t.norm || /(?<!e)ed$/.test(t.norm);

// Past participles spelt like their verb.
const SAME_FORM = new Set(['read', 'put', 'set', 'cut', 'let', 'shut', 'hit', 'quit', 'spread', 'hurt', 'upset', 'burst', 'cost', 'split']);
/** A past participle, including those spelt like their verb ("read", "put"). */
export const participle = (t: Token) => t.pos === 'VERB' && !/ing$/.test(t.norm) && (pastForm(t) || SAME_FORM.has(t.norm));
/** A verb whose past form is spelt like its present one, so "you'd read" may be "you had read" or "you would read". */
export const sameForm = (t: Token) => SAME_FORM.has(t.norm);

export const sameSentence = (r: Reading, a: number, b: number) => r.tokens[a]!.sentence === r.tokens[b]!.sentence;

/** The words a match covers, as they appear in `flat`. */
export const textOf = (r: Reading, m: Pick<Match, 'first' | 'last'>) => r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length);

/** The words from a match's first token to the end of its sentence. */
export function restOfSentence(r: Reading, m: Pick<Match, 'first'>): string {
  const s = r.sentences[r.tokens[m.first]!.sentence]!;
  return r.flat.slice(r.flatStart[m.first]!, r.flatStart[s.lastToken]! + r.tokens[s.lastToken]!.norm.length);
}

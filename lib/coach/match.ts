// Maps a typed reply to the authored choice it is closest to, so the conversation can follow that branch.
import { analyzeReply, detectorIds, type Analysis, type DetectorId, type ReplyContext } from './analyze';
import { readReply } from './nlp';

export interface AuthoredChoice {
  id: string;
  say: string;
  /** Other ways of saying the same thing, from the scenario's `examples:`. */
  examples?: string[];
}

export interface ChoiceMatch {
  choiceId: string;
  /** 0…1: how close the reply is to that choice. */
  similarity: number;
  /** Every choice's similarity, best first, for explaining the call. */
  ranking: { choiceId: string; similarity: number }[];
}

// Words that carry content; function words say little about which way a reply goes.
const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM', 'INTJ']);
const STOP = new Set(['be', 'have', 'do', 'will', 'would', 'can', 'could', 'just', 'so', 'really', 'very', 'get', 'go', 'let', 'that', 'this', 'it', 'not', 'now', 'then', 'there', 'here', 'well', 'oh']);

interface Profile {
  lemmas: Map<string, number>;
  detectors: Set<DetectorId>;
  /** Net score per skill direction: +1, -1 or 0. */
  direction: Map<string, number>;
}

function profile(text: string, context: ReplyContext, a: Analysis = analyzeReply(text, context)): Profile {
  const reading = a.reading?.text === text ? a.reading : readReply(text);
  const lemmas = new Map<string, number>();
  for (const t of reading.tokens) {
    if (!CONTENT.has(t.pos) || STOP.has(t.lemma) || !/[a-z0-9]/.test(t.lemma)) continue;
    lemmas.set(t.lemma, (lemmas.get(t.lemma) ?? 0) + 1);
  }
  const direction = new Map<string, number>();
  for (const [skill, score] of Object.entries(a.scores)) direction.set(skill, Math.sign(score));
  // The customer's name says nothing about which branch this is, nor do the checks against the turn.
  const detectors = new Set(a.findings.map((f) => f.detector).filter((d): d is DetectorId => d !== 'names-customer' && (detectorIds as readonly string[]).includes(d)));
  return { lemmas, detectors, direction };
}

function cosine(a: Map<string, number>, b: Map<string, number>, idf: (w: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, n] of a) {
    const x = n * idf(w);
    na += x * x;
    const m = b.get(w);
    if (m) dot += x * m * idf(w);
  }
  for (const [w, m] of b) nb += (m * idf(w)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

function agreement(a: Map<string, number>, b: Map<string, number>): number {
  const skills = new Set([...a.keys(), ...b.keys()]);
  if (skills.size === 0) return 1;
  let score = 0;
  for (const s of skills) score += (a.get(s) ?? 0) === (b.get(s) ?? 0) ? 1 : (a.get(s) ?? 0) * (b.get(s) ?? 0) < 0 ? -1 : 0;
  return Math.max(0, score / skills.size);
}

const profiles = new Map<string, Profile>();
function cachedProfile(text: string, context: ReplyContext): Profile {
  const key = `${context.customerName}\u0000${context.clue?.news ?? ''}\u0000${text}`;
  let p = profiles.get(key);
  if (!p) {
    p = profile(text, context);
    if (profiles.size > 5000) profiles.clear();
    profiles.set(key, p);
  }
  return p;
}

/**
 * The authored choice a reply is closest to: half wording (content lemmas, weighted so words every
 * choice shares count less), half stance (which detectors fire and which way each skill moves).
 * An author's `examples:` count as more versions of the choice; the best version wins.
 */
export function nearestChoice(reply: string, choices: AuthoredChoice[], context: ReplyContext, analysis?: Analysis): ChoiceMatch {
  if (choices.length === 0) throw new Error('nearestChoice needs at least one choice');
  // A caller that has already analysed the reply (the server, to score it) need not pay for it twice.
  const mine = profile(reply, context, analysis);
  const versions = choices.map((c) => [c.say, ...(c.examples ?? [])].map((t) => cachedProfile(t, context)));
  const df = new Map<string, number>();
  for (const vs of versions) {
    const seen = new Set(vs.flatMap((v) => [...v.lemmas.keys()]));
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const idf = (w: string) => Math.log(1 + (choices.length + 1) / (1 + (df.get(w) ?? 0)));
  const ranking = choices
    .map((c, i) => ({
      choiceId: c.id,
      similarity: Math.max(
        ...versions[i]!.map((v) => 0.5 * cosine(mine.lemmas, v.lemmas, idf) + 0.3 * jaccard(mine.detectors, v.detectors) + 0.2 * agreement(mine.direction, v.direction)),
      ),
    }))
    .sort((a, b) => b.similarity - a.similarity);
  return { choiceId: ranking[0]!.choiceId, similarity: ranking[0]!.similarity, ranking };
}

// The learned half of six open-ended detectors: features of the wink reading, a logistic score, and the words behind it.
import type { Span } from './detectors';
import trained from './model.json';
import type { Reading, Token } from './nlp';

/** The open-ended detectors a model is trained for (ADR 12): families whose phrasings rules could not keep up with. */
export const LEARNED = ['vague-handoff', 'lumps-together', 'normalizes', 'blames-customer', 'overshares', 'relates'] as const;
export type LearnedId = (typeof LEARNED)[number];

/**
 * How a detector's rule and model combine (chosen in train.ts from `npm run coach:train -- --cv`): `rule` ignores
 * the model; `rule-or-model` also fires when the model's probability reaches `threshold`.
 */
export type Mode = 'rule' | 'rule-or-model';

export interface DetectorModel {
  mode: Mode;
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

export interface ModelFile {
  /** Bumped when the features change, so weights trained on other features are never read with these. */
  features: number;
  /** A detector left rule-only has no entry. */
  detectors: Partial<Record<LearnedId, DetectorModel>>;
}

/** Version of the feature set below; the training script writes it into the model file. */
export const FEATURES_VERSION = 1;

/** One word as the model sees it: contractions spelt out ("i'm" → "i", "be"), each pointing back at its token. */
interface Unit {
  lemma: string;
  pos: string;
  negated: boolean;
  past: boolean;
  token: number;
  sentence: number;
}

// wink sometimes keeps a contraction as one token ("i'm", read as a name); the model wants its words and their lemmas.
const SPELT_OUT: Record<string, string> = { am: 'be', are: 'be', is: 'be', was: 'be', were: 'be', had: 'have' };
const PRONOUNS: Record<string, string> = { i: 'PRON', you: 'PRON', we: 'PRON', they: 'PRON', he: 'PRON', she: 'PRON', it: 'PRON' };

function unitsOf(r: Reading): Unit[] {
  const out: Unit[] = [];
  r.tokens.forEach((t: Token, token) => {
    if (t.norm.includes(' ')) {
      for (const w of t.norm.split(' ')) out.push({ negated: t.negated, token, sentence: t.sentence, lemma: SPELT_OUT[w] ?? w, pos: PRONOUNS[w] ?? 'AUX', past: false });
      return;
    }
    const lemma = t.pos === 'PUNCT' ? t.norm : t.lemma.includes(' ') ? t.lemma.replace(/\s+/g, '_') : t.lemma;
    // A past form is one whose lemma differs and is not "-ing" or "-s" (a past "read" looks present; the rules share that blind spot).
    const past = (t.pos === 'VERB' || t.pos === 'AUX') && t.lemma !== t.norm && !/(?:ing|s)$/.test(t.norm);
    out.push({ negated: t.negated, token, sentence: t.sentence, lemma, pos: t.pos, past });
  });
  return out;
}

const FIRST_PERSON = new Set(['i', 'my', 'me', 'mine', 'myself']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself']);
const SKIPPABLE = new Set(['AUX', 'ADV', 'PART']);
const NEGATABLE = new Set(['VERB', 'ADJ', 'NOUN', 'AUX']);
/** Thermometer steps for counts, so a weight can say "three or more sentences about the rep" without a hand-set cut. */
const steps = (name: string, n: number, at: number[]) => at.filter((k) => n >= k).map((k) => `${name}>=${k}`);

/**
 * Every feature of a reply, each with the tokens it was seen at (none for reply-level counts). Features are
 * lemmas, lemma bigrams, negated lemmas, subject-verb cues ("you" + should / past / a verb), what "my" and "our"
 * own, and counts of sentences and words, and of those about the rep, that length-based families turn on.
 */
export function featuresOf(r: Reading): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (name: string, token?: number) => {
    let at = out.get(name);
    if (!at) out.set(name, (at = []));
    if (token !== undefined) at.push(token);
  };
  const units = unitsOf(r);
  units.forEach((u, i) => {
    const prev = units[i - 1]?.sentence === u.sentence ? units[i - 1]!.lemma : '<s>';
    add(`b:${prev}_${u.lemma}`, u.token);
    if (u.pos === 'PUNCT' && u.lemma !== '?' && u.lemma !== '!') return;
    add(`w:${u.lemma}`, u.token);
    if (u.negated && NEGATABLE.has(u.pos)) add(`n:${u.lemma}`, u.token);
    // "my old car", "our spaniel": what the rep owns tells their life from the company's business.
    if (u.lemma === 'my' || u.lemma === 'our') {
      for (let k = i + 1; k < i + 4 && k < units.length; k++) {
        const n = units[k]!;
        if (n.pos !== 'NOUN' && n.pos !== 'PROPN') continue;
        if (n.sentence === u.sentence) add(`${u.lemma}:${n.lemma}`, u.token);
        break;
      }
    }
    // Who does the verb, and how: "you should have read" → you+read, you+should; "the team will get back" → N+will.
    if (u.pos === 'VERB') {
      const aux: string[] = [];
      let j = i - 1;
      while (j >= 0 && j >= i - 4 && units[j]!.sentence === u.sentence && SKIPPABLE.has(units[j]!.pos)) aux.push(units[j--]!.lemma);
      const subject = units[j];
      if (!subject || subject.sentence !== u.sentence) return;
      const who = subject.pos === 'PRON' ? subject.lemma : subject.pos === 'NOUN' || subject.pos === 'PROPN' ? 'N' : undefined;
      if (!who) return;
      add(`sv:${who}_${u.lemma}`, u.token);
      for (const a of aux) add(`sa:${who}_${a}`, u.token);
      if (u.past && aux.length === 0) add(`sa:${who}_PAST`, u.token);
    }
  });
  // Sentence by sentence: how much is about the rep, in the past, and how much is to the customer.
  const bySentence = new Map<number, Unit[]>();
  for (const u of units) {
    const su = bySentence.get(u.sentence);
    if (su) su.push(u);
    else bySentence.set(u.sentence, [u]);
  }
  let aboutRep = 0;
  let repWords = 0;
  let pastRep = 0;
  let toThem = 0;
  for (const su of bySentence.values()) {
    if (su.some((u) => SECOND_PERSON.has(u.lemma))) toThem++;
    if (!su.some((u) => FIRST_PERSON.has(u.lemma))) continue;
    aboutRep++;
    repWords += su.filter((u) => u.pos !== 'PUNCT').length;
    if (su.some((u) => u.past)) {
      pastRep++;
      add('L:rep-past', su[0]!.token);
    }
  }
  const wordCount = units.filter((u) => u.pos !== 'PUNCT').length;
  for (const f of [
    ...steps('S', r.sentences.length, [2, 3, 4, 5, 6]),
    ...steps('W', wordCount, [15, 30, 45, 60, 90]),
    ...steps('IS', aboutRep, [1, 2, 3, 4, 5]),
    ...steps('IW', repWords, [15, 30, 45, 60, 80, 100]),
    ...steps('IP', pastRep, [1, 2, 3, 4]),
    ...steps('YS', toThem, [1, 2, 3]),
  ])
    add(f);
  return out;
}

/** The model's probability that the detector's finding is in a reply with these features. */
export function probability(m: Pick<DetectorModel, 'bias' | 'weights'>, features: Map<string, number[]>): number {
  return logistic(m, features.keys());
}

/** A logistic model's probability for a reply with these features (each named once): every learned model reads it so. */
export function logistic(m: { bias: number; weights: Record<string, number> }, names: Iterable<string>): number {
  const weights = weightMap(m.weights);
  let z = m.bias;
  for (const name of names) z += weights.get(name) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>();
/** A model's weights as a Map (a model's weights never change once read): looked up for every feature of every reply, where a plain object's lookups are several times slower. */
function weightMap(weights: Record<string, number>): Map<string, number> {
  let hit = weightMaps.get(weights);
  if (!hit) weightMaps.set(weights, (hit = new Map(Object.entries(weights))));
  return hit;
}

const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')']);

/**
 * Where the model's finding is: the clause whose features weigh most towards it (a clause of a word or two, such
 * as "Honestly,", gives way to its whole sentence), so a finding the rule did not make still points at words.
 */
export function evidence(r: Reading, m: Pick<DetectorModel, 'weights'>, features: Map<string, number[]>): Span {
  // Each token's clause: a run of tokens between clause breaks inside one sentence.
  const clauseOf: number[] = [];
  const clauses: { first: number; last: number }[] = [];
  r.tokens.forEach((t, i) => {
    const fresh = i === 0 || r.tokens[i - 1]!.sentence !== t.sentence || CLAUSE_BREAK.has(r.tokens[i - 1]!.norm);
    if (fresh) clauses.push({ first: i, last: i });
    clauses.at(-1)!.last = i;
    clauseOf.push(clauses.length - 1);
  });
  const weight = new Array<number>(clauses.length).fill(0);
  for (const [name, at] of features) {
    const w = m.weights[name] ?? 0;
    if (w <= 0) continue;
    // A feature counts once in a clause however often it occurs there.
    for (const c of new Set(at.map((t) => clauseOf[t]!))) weight[c]! += w;
  }
  let best = 0;
  weight.forEach((w, c) => {
    if (w > weight[best]!) best = c;
  });
  let { first, last } = clauses[best] ?? { first: 0, last: r.tokens.length - 1 };
  const words = r.tokens.slice(first, last + 1).filter((t) => /\w/.test(t.text)).length;
  if (words < 3 && r.tokens[first]) {
    const sentence = r.tokens[first]!.sentence;
    while (first > 0 && r.tokens[first - 1]!.sentence === sentence) first--;
    while (last + 1 < r.tokens.length && r.tokens[last + 1]!.sentence === sentence) last++;
  }
  // Punctuation at either end is not part of what was said.
  while (last > first && r.tokens[last]!.pos === 'PUNCT') last--;
  while (first < last && r.tokens[first]!.pos === 'PUNCT') first++;
  return { start: r.tokens[first]?.start ?? 0, end: r.tokens[last]?.end ?? r.text.length };
}

/** Whether a detector fires, given its rule and its model's probability: the rule always counts. */
export function fires(m: Pick<DetectorModel, 'mode' | 'threshold'> | undefined, ruleFired: boolean, p: number): boolean {
  return ruleFired || (m?.mode === 'rule-or-model' && p >= m.threshold);
}

const MODEL = trained as unknown as ModelFile;

/** The committed model for a detector, if it has one in use. */
export function modelFor(id: string): DetectorModel | undefined {
  // Weights trained on other features would score nonsense without any error; better to stop loudly in tests.
  if (MODEL.features !== FEATURES_VERSION) throw new Error('lib/coach/model.json was trained on other features: run `npm run coach:train`.');
  const m = MODEL.detectors[id as LearnedId];
  return m?.mode === 'rule' ? undefined : m;
}

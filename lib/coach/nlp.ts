// Reads a reply with wink-nlp (tokens, lemmas, parts of speech, negation, sentences) into a form detectors can search.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of a reply, with where it sits in the original text. */
export interface Token {
  text: string;
  /** Lower case, contractions spelt out ("n't" → "not", "'ll" → "will"). */
  norm: string;
  lemma: string;
  pos: string;
  /** True when a negation earlier in the sentence governs this token ("I'm not blaming you"). */
  negated: boolean;
  start: number;
  end: number;
  sentence: number;
}

/**
 * A reply as detectors see it. `flat` is every token's `norm` joined by single spaces, so phrase
 * patterns are regular expressions over whole words: "but" can never match inside "butter".
 */
export interface Reading {
  text: string;
  tokens: Token[];
  sentences: { start: number; end: number; firstToken: number; lastToken: number }[];
  flat: string;
  /** For each token, where its `norm` starts in `flat`. */
  flatStart: number[];
}

/** A phrase found in a reply: the tokens it covers and the characters of the original text. */
export interface Match {
  first: number;
  last: number;
  start: number;
  end: number;
  groups: (string | undefined)[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;
// Loading the model takes about 50 ms; it happens once per process, on the first reply.
function engine() {
  nlp ??= winkNLP(model);
  return nlp;
}

const CONTRACTIONS: Record<string, string> = { "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will', "'d": 'would', "n't": 'not' };

// The model sometimes leaves a contraction whole ("i'm" after two spaces); spell it out the same way.
function spellOut(norm: string): string {
  const m = /^([a-z]+)('m|'re|'ve|'ll|'d|n't)$/.exec(norm);
  if (!m) return norm;
  const head = m[2] === "n't" && m[1] === 'ca' ? 'can' : m[2] === "n't" && m[1] === 'wo' ? 'will' : m[1]!;
  return `${head} ${CONTRACTIONS[m[2]!]}`;
}

export function readReply(text: string): Reading {
  const its = engine().its;
  // Curly apostrophes become straight ones (same length, so offsets still point into `text`).
  const doc = engine().readDoc(text.replace(/[\u2018\u2019]/g, "'"));
  const tokens: Token[] = [];
  const sentenceOf: number[] = [];
  doc.sentences().each((s, index) => {
    const [from, to] = s.out(its.span) as unknown as [number, number];
    for (let i = from; i <= to; i++) sentenceOf[i] = index;
  });
  // Each property read for every token at once, rather than through a wink item made per token.
  const all = doc.tokens();
  const out = <T>(f: unknown) => all.out(f as typeof its.value) as unknown as T[];
  const values = out<string>(its.value);
  const spaces = out<string>(its.precedingSpaces);
  const types = out<string>(its.type);
  const normals = out<string>(its.normal);
  // The types describe lemma as needing the model's add-ons, which the lite web model bundles.
  const lemmas = out<string>(its.lemma);
  const poses = out<string>(its.pos);
  const negations = out<boolean>(its.negationFlag);
  let offset = 0;
  values.forEach((value, i) => {
    offset += spaces[i]!.length;
    const start = offset;
    offset += value.length;
    if (types[i] === 'tabCRLF' || types[i] === 'whitespace') return;
    const raw = normals[i]!.toLowerCase();
    // wink's normal form also respells words ("cancelled" → "canceled", "through" → "thru", "mum" → "mom"),
    // which patterns written in the reply's own English would miss; take it only for contractions.
    const lower = value.toLowerCase();
    const contraction = lower.startsWith("'") || lower === "n't" || ((lower === 'ca' || lower === 'wo') && raw !== lower);
    tokens.push({
      text: text.slice(start, offset),
      norm: spellOut(CONTRACTIONS[raw] ?? (contraction ? raw : lower)),
      lemma: lemmas[i]!.toLowerCase(),
      pos: poses[i]!,
      negated: negations[i]!,
      start,
      end: offset,
      sentence: sentenceOf[i] ?? 0,
    });
  });
  // "'d" before a past participle is "had" ("I'd made an album"), not "would" ("I'd like").
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.norm === 'would' && t.text.startsWith("'") && next?.pos === 'VERB' && next.lemma !== next.norm && !/(?:ing|s)$/.test(next.norm)) t.norm = 'had';
  });
  const sentences: Reading['sentences'] = [];
  tokens.forEach((t, i) => {
    const s = (sentences[t.sentence] ??= { start: t.start, end: t.end, firstToken: i, lastToken: i });
    s.end = t.end;
    s.lastToken = i;
  });
  const flatStart: number[] = [];
  let flat = '';
  for (const t of tokens) {
    if (flat) flat += ' ';
    flatStart.push(flat.length);
    flat += t.norm;
  }
  return { text, tokens, sentences: sentences.filter(Boolean), flat, flatStart };
}

function tokenAt(r: Reading, flatIndex: number): number {
  // The last token starting at or before flatIndex.
  let lo = 0;
  let hi = r.flatStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.flatStart[mid]! <= flatIndex) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// By flags, then source: a pattern written inline is a new object on every call, but its source is the same string,
// whose hash the engine keeps, so looking it up costs next to nothing (building a "flags/source" key for every call
// took about a fifth of the coach's time, measured over the bench's walk).
const anchored = new Map<string, Map<string, RegExp>>();
let anchoredCount = 0;
// What may not sit just before a match: it would start mid-word.
const WORD_CHAR = /[\w'-]/;

/**
 * Every match of `pattern` over the reply's words. Patterns are written against `flat`: lower
 * case, one space between tokens, punctuation as its own token (so "I understand , but" has a
 * comma token). They are anchored at word edges here, so a pattern never starts or ends mid-word.
 */
export function findAll(r: Reading, pattern: RegExp | string): Match[] {
  const flags = typeof pattern === 'string' ? '' : pattern.flags;
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  // Detectors build the same few hundred patterns for every reply; compiling each once keeps a reply near a millisecond.
  let re = anchored.get(flags)?.get(source);
  if (!re) {
    // Names make a pattern per customer; a bound keeps a long-running server from collecting them forever.
    if (++anchoredCount > 5000) {
      anchored.clear();
      anchoredCount = 1;
    }
    let bySource = anchored.get(flags);
    if (!bySource) anchored.set(flags, (bySource = new Map()));
    // The start edge is checked below rather than by a lookbehind, which would stop the engine skipping ahead
    // to where a pattern's first words could begin.
    bySource.set(source, (re = new RegExp(`(?:${source})(?![\\w'-])`, flags.includes('g') ? flags : `${flags}g`)));
  }
  const out: Match[] = [];
  // A private cursor on the shared compiled pattern: nothing else runs between these calls.
  re.lastIndex = 0;
  for (let m = re.exec(r.flat); m; m = re.exec(r.flat)) {
    // A match that starts mid-word, or is empty, is no match: look again one character on.
    if (m[0].length === 0 || (m.index > 0 && WORD_CHAR.test(r.flat[m.index - 1]!))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const first = tokenAt(r, m.index);
    const last = tokenAt(r, m.index + m[0].length - 1);
    out.push({ first, last, start: r.tokens[first]!.start, end: r.tokens[last]!.end, groups: m.slice(1) });
  }
  return out;
}

const alternatives = new WeakMap<readonly string[], string>();
/** Words built from alternatives, for patterns: `words(['risk', 'penalty'])` → `(?:risk|penalty)`; once per list. */
export function words(list: readonly string[]): string {
  let hit = alternatives.get(list);
  if (hit === undefined) {
    hit = `(?:${[...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
    alternatives.set(list, hit);
  }
  return hit;
}

const built = new WeakMap<TemplateStringsArray, { values: readonly unknown[]; re: RegExp }>();
/**
 * A pattern from a template, compiled once where it is written and again only when a value put into it changes:
 * `rx\`you ${MODAL} (?:call|ring)\``. `new RegExp` on every call would re-read patterns of thousands of characters
 * (a few microseconds each) for every reply.
 */
export function rx(strings: TemplateStringsArray, ...values: readonly (string | number)[]): RegExp {
  const hit = built.get(strings);
  if (hit && hit.values.length === values.length && hit.values.every((v, i) => v === values[i])) return hit.re;
  const re = new RegExp(strings.reduce((acc, s, i) => acc + String(values[i - 1]) + s));
  built.set(strings, { values, re });
  return re;
}

/** A sentence's words as they appear in `flat`. */
export function sentenceText(r: Reading, index: number): string {
  const s = r.sentences[index];
  if (!s) return '';
  return r.flat.slice(r.flatStart[s.firstToken]!, r.flatStart[s.lastToken]! + r.tokens[s.lastToken]!.norm.length);
}

// Whether a typed reply engages with the turn it answers: the features read of it against the turn, and a logistic score over them fitted by scripts/coach-train.ts (ADR 14).
import type { Turn } from './context';
import type { Finding } from './detectors';
import { logistic } from './model';
import { readReply, type Reading } from './nlp';
import trained from './relevance.json';
import { ownWords, PAPERWORK_ASK } from './stock';

// Content words that say nothing about which conversation this is: a template can carry them anywhere.
const GENERIC = new Set([
  'be', 'have', 'do', 'get', 'go', 'make', 'take', 'let', 'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
  'thing', 'things', 'problem', 'issue', 'situation', 'help', 'sort', 'fix', 'look', 'check', 'call', 'back', 'today', 'now',
  'time', 'day', 'way', 'really', 'very', 'so', 'just', 'right', 'sure', 'know', 'see', 'hear', 'feel', 'understand', 'think',
  'sorry', 'apologise', 'apologize', 'thank', 'thanks', 'please', 'yes', 'no', 'okay', 'ok', 'well', 'good', 'bad', 'wrong',
  'together', 'side', 'able', 'happy', 'glad', 'completely', 'totally', 'absolutely', 'definitely', 'certainly', 'update',
  'email', 'ring', 'phone', 'today', 'tomorrow', 'afternoon', 'morning', 'hour', 'minute', 'personally', 'ownership', 'first',
  'one', 'lot', 'bit', 'something', 'everything', 'anything', 'all', 'also', 'again', 'still', 'even', 'here', 'there',
  'want', 'need', 'say', 'tell', 'ask', 'mean', 'like', 'try', 'keep', 'give', 'come', 'put', 'work', 'happen', 'shoe',
  'promise', 'patience', 'customer', 'service', 'team', 'company', 'experience', 'inconvenience', 'matter', 'moment',
  'hi', 'hello', 'dear', 'best', 'regards', 'kind', 'welcome', 'great', 'lovely', 'wonderful', 'news', 'congratulations',
  'worry', 'worried', 'frustrate', 'frustrated', 'frustrating', 'upset', 'upsetting', 'stress', 'stressful', 'annoying',
  'explain', 'contact', 'enquiry', 'respond', 'website', 'aim', 'allow', 'note', 'advise', 'relevant', 'pass', 'trouble',
  'speak', 'calling', 'value', 'hope', 'soon', 'trained', 'effort', 'policy', 'procedure', 'standard', 'process', 'system',
  'account', 'payment', 'bank', 'survey', 'feedback', 'terms', 'conditions', 'line', 'lines', 'response', 'detail', 'details',
  'star', 'stars', 'question', 'faq', 'faqs', 'people', 'everyone', 'lots', 'loads', 'anyone', 'somebody', 'someone',
]);
// Counting words and spans of time tie a reply to no one in particular ("two to three working days", "44 days ago").
for (const w of ['worries', 'questions', 'job', 'typing', 'answer', 'times', 'use', 'sec', 'procedure', 'days', 'weeks', 'months', 'years', 'hours', 'minutes', 'week', 'month', 'year', 'done', 'ago', 'last', 'next']) GENERIC.add(w);
// "I'm", "you're", "let's": who is talking, which the tagger sometimes calls a noun.
const SPEAKER = /^(?:i|you|we|they|he|she|it|that|there|what|let|who|here)'/;
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM']);

const PARTICULAR = new Set(['NOUN', 'PROPN']);

// What every check asks for: an authored reply that asks for them does not make asking for them an answer to the customer.
const PAPERWORK = new Set([
  'date', 'birth', 'postcode', 'address', 'number', 'numbers', 'name', 'code', 'reference', 'case', 'mobile', 'security',
  'identity', 'id', 'password', 'sheet', 'form', 'record', 'records', 'access', 'verification',
]);

/** The amounts and reference numbers in a text (two digits or more): "£64.50", "107", "HL-48213". */
const amountsOf = (text: string) => text.match(/\d[\d.,]*\d/g)?.map((n) => n.replace(/[.,]$/, '')) ?? [];

/** The words of a text that could tie it to one conversation: content lemmas and their surface forms. */
function keyWords(r: Reading, pos: ReadonlySet<string> = CONTENT_POS): Set<string> {
  const out = new Set<string>();
  for (const t of r.tokens) {
    if (!pos.has(t.pos) || !/[a-z0-9]/.test(t.norm)) continue;
    for (const w of [t.lemma, t.norm]) if (!GENERIC.has(w) && w.length > 1 && /[a-z0-9]$/.test(w) && !/\s/.test(w) && !SPEAKER.test(w)) out.add(w);
  }
  return out;
}

const factCache = new Map<string, Set<string>>();
function factWords(fact: string, pos: ReadonlySet<string> = CONTENT_POS): Set<string> {
  const key = `${pos === CONTENT_POS ? 'c' : 'p'}\u0000${fact}`;
  let hit = factCache.get(key);
  if (!hit) {
    hit = keyWords(readReply(fact), pos);
    if (factCache.size > 5000) factCache.clear();
    factCache.set(key, hit);
  }
  return hit;
}

// The words a rep might use for each feeling a node can show.
const FEELING_WORDS: Record<string, RegExp> = {
  worry: /\b(?:worr(?:y|ied|ying)|anxious|anxiety|nervous|on edge|stress(?:ed|ful)?|panick?(?:y|ed|ing)?)\b/,
  embarrassment: /\b(?:embarrass\w*|awkward|ashamed|self-conscious|silly|daft|stupid|mortif\w*)\b/,
  relief: /\b(?:relie(?:f|ved)|weight off)\b/,
  frustration: /\b(?:frustrat\w*|fed up|annoy\w*|maddening|infuriat\w*|exasperat\w*|sick of)\b/,
  anger: /\b(?:angry|anger|furious|livid|cross|fuming|outrag\w*)\b/,
  pride: /\b(?:proud|pride)\b/,
  fear: /\b(?:fear\w*|scar(?:ed|y|ing)|frighten\w*|afraid|terrif\w*|shaken|unsafe)\b/,
  grief: /\b(?:grie(?:f|ving|ve)|loss|bereave\w*|sorry (?:about|for) your (?:mum|dad|mother|father|husband|wife|partner))\b/,
  excitement: /\b(?:excit\w*|thrill\w*|can't wait)\b/,
  disappointment: /\b(?:disappoint\w*|let down|gutted|deflat\w*)\b/,
};

// "Don't worry" waves the feeling away rather than naming it.
const WAVED_AWAY = /\b(?:don't|do not|no need to|nothing to|try not to)\s+(?:worry|stress|panic)\w*(?: about (?:it|that|this))?/g;

/** Whether the reply names the feeling the customer shows here, in any of the words for it, without waving it away. */
function namesTheirFeeling(text: string, feeling: string | undefined): boolean {
  const words = feeling ? FEELING_WORDS[feeling] : undefined;
  if (!words) return false;
  const plain = text.toLowerCase().replace(/’/g, "'");
  return words.test(plain.replace(WAVED_AWAY, ''));
}

/** For each word, the share of a story's turns (each given as its texts) that say it. */
export function spreadOver(turns: readonly (readonly string[])[]): (w: string) => number {
  const seen = new Map<string, number>();
  for (const texts of turns) for (const w of new Set(texts.flatMap((t) => [...factWords(t)]))) seen.set(w, (seen.get(w) ?? 0) + 1);
  return (w) => (seen.get(w) ?? 0) / Math.max(1, turns.length);
}

const bucket = (n: number, edges: readonly number[]) => {
  const i = edges.findIndex((e) => n < e);
  return i === -1 ? `${edges.at(-1)}+` : String(i === 0 ? `<${edges[0]}` : `${edges[i - 1]}-${edges[i]! - 1}`);
};

/** What the relevance model reads of a reply against its turn: which parts of the turn it shares words with, and how. */
export function relevanceFeatures(reading: Reading, findings: readonly Finding[], turn: Turn): string[] {
  const said = ownWords(reading.text, turn);
  const out = new Set<string>();
  const mine = said === reading.text.trim() ? keyWords(reading) : keyWords(readReply(said));
  const names = new Set(turn.customerName.toLowerCase().split(/\s+/));
  const spread = turn.spread ?? (() => 0);
  const sources: [string, readonly string[], ReadonlySet<string>, (w: string) => boolean][] = [
    ['facts', [...turn.facts, ...(turn.asks ? [turn.asks] : [])], CONTENT_POS, () => false],
    ['line', [turn.customerLine], CONTENT_POS, () => false],
    ['bg', turn.background ?? [], PARTICULAR, () => false],
    ['opt', turn.options ?? [], PARTICULAR, (w) => PAPERWORK.has(w)],
  ];
  let anyWord = false;
  for (const [name, texts, pos, skip] of sources) {
    const hits = new Set<string>();
    for (const t of texts) for (const w of factWords(t, pos)) if (mine.has(w) && !names.has(w) && !skip(w)) hits.add(w);
    out.add(`${name}:${bucket(hits.size, [1, 2, 3])}`);
    if (hits.size > 0) anyWord = true;
    const rare = [...hits].filter((w) => spread(w) < 0.2).length;
    if (rare > 0) out.add(`${name}:rare:${bucket(rare, [1, 2, 3])}`);
    for (const w of hits) if (spread(w) >= 0.4) out.add(`${name}:common`);
  }
  if (!anyWord) out.add('no-word');
  if (amountsOf(said).some((n) => [turn.customerLine, ...(turn.background ?? []), ...(turn.options ?? [])].some((t) => amountsOf(t).includes(n)))) out.add('amount');
  if (namesTheirFeeling(said, turn.feeling)) out.add('their-feeling');
  const words = said.split(/\s+/).filter(Boolean).length;
  out.add(`len:${bucket(words, [1, 6, 16, 31])}`);
  if (said.length < reading.text.trim().length) out.add('stock-cut');
  if (/\?/.test(said)) out.add('question');
  if (/\b(?:you|your|you're|you've)\b/i.test(said)) out.add('you');
  if (PAPERWORK_ASK.test(reading.text.replace(/’/g, "'"))) out.add('paperwork');
  for (const f of findings) out.add(`d:${f.detector}`);
  return [...out];
}

/** Bumped when relevanceFeatures changes, so weights fitted to other features are never read with these. */
export const RELEVANCE_FEATURES_VERSION = 1;

export interface RelevanceModel {
  features: number;
  /** The labelled sets it was fitted to (never the newest held-out set, which measures it). */
  trainedOn: string[];
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

export const relevanceModel = trained as RelevanceModel;

export const relevanceProbability = (features: readonly string[], m: Pick<RelevanceModel, 'bias' | 'weights'> = relevanceModel): number =>
  logistic(m, new Set(features));

/** Whether the reply engages with the turn, by the committed model. */
export function engages(features: readonly string[]): boolean {
  if (relevanceModel.features !== RELEVANCE_FEATURES_VERSION) throw new Error('lib/coach/relevance.json was fitted to other features: run `npm run coach:train -- --relevance`.');
  return relevanceProbability(features) >= relevanceModel.threshold;
}

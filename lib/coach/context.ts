// Judges a reply against the turn it answers: does it engage with what the customer just said, does each move fit the moment, is it new?
import type { SkillId } from '@/lib/content/curriculum';
import type { Finding, Span } from './detectors';
import type { Reading } from './nlp';
import { readReply } from './nlp';

import type { Fit } from '@/lib/scenario/fits';
import { engages } from './relevance';

/** What a turn is about, as its author states it on the node (`about:`). */
export interface Turn {
  /** The things this turn is about, in the customer's words ("school trip", "bank fee"). */
  facts: string[];
  /** What the customer asked, if they asked something. */
  asks?: string;
  fits: readonly Fit[];
  /** The customer's line, to tell a reply that only echoes it back; its particular words are part of the turn too. */
  customerLine: string;
  /**
   * What else this turn stands on: what the customer said earlier on the way here, and the authored replies
   * to this turn. Their particulars (the £64.50, the bike, Flat 3) count as engaging; no pasted reply has them.
   */
  background?: readonly string[];
  /** The authored replies to this turn: their amounts and numbers count as engaging. */
  options?: readonly string[];
  /** Whether the customer has shared good news by this point, so a congratulation can fit. */
  goodNews?: boolean;
  /** The share of the story's turns that say a word: the parcel, the tent and the refund tie a reply to the story, not to this moment. */
  spread?: (word: string) => number;
  /** The customer's first name, for feedback. */
  firstName: string;
  /** The customer's full name: no part of it makes a reply engage with the turn. */
  customerName: string;
  /** The feeling the customer shows at this node (its `clue:`), if any: naming it in any words engages with them. */
  feeling?: string;
  /** Whether the customer has shown a feeling that is still unanswered. */
  feelingOpen: boolean;
  /** The learner's earlier typed replies in this attempt, with what the coach found in each. */
  earlier: readonly { text: string; detectors: readonly string[] }[];
  /** Whether the reply says what one of the authored replies to this turn says: then it answers the turn. */
  closeToAuthored?: boolean;
  /** The skills the scenario scores: a pasted reply costs language, or personalizing where language is not scored. */
  scored?: ReadonlySet<string>;
}

export const contextIds = ['off-topic', 'repeats', 'parrots', 'misfit'] as const;
export type ContextId = (typeof contextIds)[number];

export interface Judgement {
  /** The reply touches what this turn is about: a fact, the question, or the open feeling. */
  relevant: boolean;
  /** A near copy of an earlier reply in this attempt. */
  repeats: boolean;
  /** Mostly the customer's own words handed back. */
  parrots: boolean;
  /** Detectors whose finding does not fit this moment. */
  misfits: string[];
  /** Why a story of the rep's own misfits: a second story, no place for one here, or one that never comes back to them. */
  story?: 'second' | 'here' | 'ends-on-you';
}

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

const plainWords = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];

function shingles(ws: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/** Share of `a`'s shingles that also appear in `b`. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / a.size;
}

// Words that change nothing a reply says: who is speaking, fillers, politeness and the small words between.
const FILLER = new Set(
  ('a an the and or but so to of in on at for with by from up it its this that these those is are was were be been am do does did ' +
    'i me my you your we our us he she they them he his her their there here just really very quite all any some ok okay oh ' +
    'right well yes yeah no not will would can could shall should may might have has had get got let lets please thanks thank ' +
    'sir madam about as if then than now also too again still ll re ve d s t m').split(' '),
);
/** The words that carry what a reply says, roughly stemmed ("workshop's" → "workshop", "payments" → "payment"). */
function gist(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of plainWords(text)) {
    const stem = w.replace(/'(?:s|ll|re|ve|d|m|t)$|n't$/, '').replace(/(?<=[a-z]{3})s$/, '');
    if (!FILLER.has(stem) && stem.length > 1) out.add(stem);
  }
  return out;
}

/**
 * A near copy: the same words in the same order for most of either reply, or, reworded and reordered, nearly every
 * word that carries the shorter one's message ("Shall I book you in for the first slot and take a mobile number?").
 */
export function nearCopy(a: string, b: string): boolean {
  const wa = plainWords(a);
  const wb = plainWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa.length >= 6 && wb.length >= 6) {
    const sa = shingles(wa, 3);
    const sb = shingles(wb, 3);
    if (containment(sa, sb) >= 0.6 || containment(sb, sa) >= 0.6) return true;
  }
  const [ga, gb] = [gist(a), gist(b)];
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  return small.size >= 3 && large.size <= 2 * small.size + 2 && containment(small, large) >= 0.75;
}

// Who is speaking does not matter to an echo: "I've been charged" handed back is "you've been charged".
const PERSON: Record<string, string> = {
  i: 'P', me: 'P', you: 'P', we: 'P', us: 'P', my: 'Q', your: 'Q', our: 'Q', mine: 'Q', yours: 'Q', ours: 'Q',
  myself: 'P', yourself: 'P', am: 'be', are: 'be', is: 'be', was: 'be', were: 'be',
  "i'm": 'P be', "you're": 'P be', "we're": 'P be', "i've": 'P have', "you've": 'P have', "we've": 'P have',
  "i'd": 'P would', "you'd": 'P would', "we'd": 'P would', "i'll": 'P will', "you'll": 'P will', "we'll": 'P will',
};
const unpersoned = (text: string) => plainWords(text).flatMap((w) => (PERSON[w] ?? w).split(' '));

/** Mostly the customer's own sentences handed back, whoever "I" and "you" are: half the reply's three-word runs are theirs. */
export function parrots(reply: string, customerLine: string): boolean {
  const wr = unpersoned(reply);
  if (wr.length < 6) return false;
  return containment(shingles(wr, 3), shingles(unpersoned(customerLine), 3)) >= 0.5;
}

// A promise of an outcome: sworn to ("I promise", "guaranteed", "every penny"), or a future with a time on it.
const SWORN = /\b(?:i promise|i can promise|promise you|guarantee[ds]?|you have my word|i give you my word|(?:it|that|you|they)(?:'ll| will) (?:definitely|certainly|absolutely)|definitely (?:be|get|have|go)|(?:never|ever|won't|will not) (?:ever )?happen again|every (?:single )?penny|for sure|consider it done|i'm (?:sure|certain|confident) (?:my manager|my boss|they|the team|it|that)(?:'ll| will)|(?:i'll|i will|we'll|we will|you'll|you will) (?:get|have|receive|see|give you) (?:you )?(?:a |the |your )?(?:full|whole|entire))\b/i;
const FUTURE = /\b(?:i'll|i will|we'll|we will|it'll|it will|you'll|you will|they'll|they will|will be|'ll be|'ll have)\b/i;
const WHEN = /\b(?:by|before|within|until|till)\s+(?:\d|noon|midday|lunch|the end|end of|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|next|the hour|close)|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|o'clock)\b|\b(?:tonight|tomorrow|today|this afternoon|this evening|this week|on the dot|first thing|at (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon))\b/i;

/**
 * Where a reply promises an outcome: each sentence that swears to one ("guaranteed", "I promise"), or,
 * with `timed`, also each that puts a time on one ("I'll ring you by four").
 */
export function promises(text: string, timed = true): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const s = m[0];
    if (SWORN.test(s) || (timed && FUTURE.test(s.replace(/’/g, "'")) && WHEN.test(s))) out.push({ start: m.index, end: m.index + s.trimEnd().length });
  }
  return out;
}

// Lines a contact centre says to everyone: greetings, sign-offs, notices, upsells, and reassurance that waves the
// feeling away. Whatever words of the story they carry, they answer no one in particular.
const STOCK = new RegExp(
  [
    String.raw`thanks?(?: you)? (?:so much )?for (?:calling|contacting|your (?:email|message|question|patience|enquiry|call|time)|getting in touch|letting us know|bringing (?:it|this) (?:in|to)|explaining|holding|waiting|choosing)`,
    String.raw`(?:you're|you are) (?:speaking|through) to`,
    String.raw`\b(?:welcome to|here at|on behalf of) [A-Z]`,
    String.raw`\bdear (?:customer|sir|madam)`,
    String.raw`\bplease (?:note|be (?:advised|aware)|see|check|visit|allow|hold|rate)\b`,
    String.raw`anything else (?:i|we) can (?:help|do|assist)`,
    String.raw`how (?:can|may) (?:i|we) help`,
    String.raw`\bany inconvenience`,
    String.raw`(?:calls?|chats?) (?:may|might|will) be (?:recorded|monitored)`,
    String.raw`\b(?:our|the) (?:website|help cent(?:re|er)|faqs?|terms (?:and|&) conditions)`,
    String.raw`\bwe (?:really |truly )?(?:value|appreciate) your (?:custom|business|feedback|patience|loyalty)|your (?:feedback|call|custom) is (?:important|valuable|valued)`,
    String.raw`\bwe aim to|within \d+ working days|up to \d+ working days`,
    String.raw`(?:pass(?:ed)?|forward(?:ed)?) (?:this|it|your \w+) (?:on )?to (?:the|our) (?:relevant|appropriate|right) (?:team|department)`,
    String.raw`\b(?:survey|five stars|rate (?:your|us|the))\b`,
    String.raw`\b(?:would|might) you be interested in|\d+% off|\bhave you tried our\b|\bwhile i've got you\b`,
    String.raw`\b(?:are|is) (?:highly |fully |specially )?trained to\b`,
    String.raw`in line with (?:our|the) (?:standard|usual|normal)? ?(?:policy|procedure|process|terms)`,
    String.raw`\bi (?:completely |totally |fully )?understand how (?:you feel|important|frustrating|upsetting|stressful)`,
    String.raw`\bit'll (?:all )?be (?:fine|ok|okay)\b`,
    String.raw`\bsorry (?:that )?(?:you feel|you think|if you|you've been made to feel|you took)|\bsorry for any\b`,
    String.raw`\bplease (?:find|ensure|refer)\b|\bopening hours\b|\bbe with you in (?:a|one|just)\b|\bjust (?:so you know|to warn you)\b`,
    String.raw`\b(?:would you like to hear about|have you (?:thought about|considered|heard (?:of|about)|seen) (?:our|the)|did you know (?:the|our|that our|we))\b`,
  ].join('|'),
  'i',
);

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

// Clauses a contact centre recites to everyone with the story's nouns dropped in: policy, process times, handovers to
// no one, sales pitches. The rest of the sentence can still answer the customer ("I know two weeks is no use to you").
const PROCESS = new RegExp(
  [
    String.raw`\b(?:that's|that is|it's|it is|this is) (?:the|our|company) (?:policy|procedure|process|rules?)\b`,
    String.raw`\bpolicy (?:for everyone|is clear|says|states|doesn't allow|does not allow)`,
    String.raw`\bas per (?:our|the)\b|\bsubject to (?:approval|availability|verification|review|our)|\brefer to (?:section|clause|our|the)\b`,
    String.raw`\b(?:section|clause) \d`,
    String.raw`\b(?:unable|not able|can't|cannot|not allowed|not permitted) (?:to )?(?:make|do|give|offer) (?:an |any )?exceptions?\b`,
    String.raw`\boutside (?:of )?(?:our|the) (?:\d+|[a-z]+)[- ]day\b`,
    String.raw`\b(?:within|up to|takes?|taking|allow) (?:about |around |up to )?(?:\d+|[a-z]+)(?:\s*(?:-|to)\s*(?:\d+|[a-z]+))? working days\b`,
    String.raw`\byour (?:query|request|complaint|case|enquiry|issue|concern) (?:has been|is being|will be|has now been) (?:logged|escalated|raised|passed|forwarded|looked into|reviewed|noted|recorded)`,
    String.raw`\b(?:relevant|appropriate|specialist|dedicated) (?:team|department)\b|\bwill be in touch\b|\bin due course\b|\b(?:are|is) dealt with by\b|\baim to (?:respond|reply|get back)`,
    String.raw`\bhave you (?:thought about|considered|heard (?:of|about)|seen) (?:our|the)\b|\bare you aware (?:that )?(?:you could|we|our)\b|\bdid you know\b`,
    String.raw`\b(?:our|the) (?:returns? |refunds? |cancellation )?policy (?:allows|is|says|states|only)|\bnot liable\b|\bonly procedure\b|\bit's (?:just )?(?:procedure|policy)\b`,
    String.raw`\buntil (?:verification|security|you've passed|you have passed|the checks)|\byour (?:case|query|ticket|complaint) (?:is|has been) (?:now )?closed\b`,
    String.raw`\bmight be worth (?:keeping|considering|a look|upgrading)|\bfor (?:just|only) £?\d|(?:£\d+(?:\.\d\d)?|\b(?:[a-z]+|\d+) (?:quid|pounds?)) (?:more |extra )?(?:a|per) month\b`,
  ].join('|'),
  'i',
);

// Asking for what every check asks for answers nobody, unless the customer's turn is about proving who they are.
const PAPERWORK_ASK = new RegExp(
  [
    String.raw`\b(?:can|could|may) i (?:just |quickly |please )?(?:take|grab|have|get|confirm|check|ask for) (?:your|the|a|some) (?:full |first |account |order |contact )?(?:name|account|date|dob|postcode|address|details|number|order|receipt|reference|email|mobile|security)`,
    String.raw`\b(?:please )?confirm (?:your|the) (?:full )?(?:name|date|dob|postcode|address|details|identity|account)`,
    String.raw`\b(?:verify|confirm) (?:your )?identity\b|\brun (?:you )?through (?:security|some checks|a few checks)|\b(?:passed|pass|through) security\b`,
    String.raw`\bdo you have (?:your|the) (?:receipt|order number|reference|account number|card)\b|\bis your (?:contact |home )?(?:address|number|email|mobile) still\b`,
    String.raw`\b(?:sending|send|sent) (?:you )?a (?:security |verification |one-time )?code\b`,
  ].join('|'),
  'i',
);
const ABOUT_CHECKS = /\b(?:secur\w*|verif\w*|identity|checks?|prove|asked me|say they're me|who i am|it's (?:really )?me)\b/i;

/** Splits a sentence into clauses at commas, dashes and the joins that start a new claim. */
const clauses = (sentence: string) => sentence.split(/\s*(?:[,;:]|\s[-–—]\s|\b(?=(?:but|however|although|though|so|and then)\b))\s*/i);

/**
 * The reply without its stock lines and recited clauses: what is left is what the rep said to this customer.
 * With a turn, a request for security details counts as stock unless the turn is about proving who they are.
 */
export function ownWords(text: string, turn?: Pick<Turn, 'facts' | 'asks' | 'customerLine'>): string {
  const checking = turn !== undefined && ABOUT_CHECKS.test([...turn.facts, turn.asks ?? '', turn.customerLine].join(' '));
  const kept: string[] = [];
  for (const raw of text.split(/(?<=[.!?])\s+|\n+/)) {
    const sentence = raw.replace(/’/g, "'");
    if (STOCK.test(sentence)) continue;
    const parts = clauses(sentence).filter((c) => c && !PROCESS.test(c) && (checking || !turn || !PAPERWORK_ASK.test(c)));
    if (parts.length > 0) kept.push(parts.join(' '));
  }
  return kept.join(' ').trim();
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

/** Whether a reply shares anything with the turn: a word of it, their amount, or their feeling. */
const touchesTurn = (features: readonly string[]) => !features.includes('no-word') || features.includes('amount') || features.includes('their-feeling');

/**
 * Whether, outside the sentences where the rep's stories start, nothing in the reply comes back to this customer:
 * the story is the whole answer ("I know exactly how you feel! Last Christmas mine went missing too…").
 */
function endsOnYou(reading: Reading, findings: readonly Finding[], turn: Turn): boolean {
  const starts = findings.filter((f) => f.detector === 'relates' || f.detector === 'overshares').flatMap((f) => f.spans.map((sp) => sp.start));
  const rest = reading.text
    .split(/(?<=[.!?])\s+|\n+/)
    .reduce<{ at: number; kept: { from: number; to: number; text: string }[] }>(
      (acc, sentence) => {
        const from = reading.text.indexOf(sentence, acc.at);
        const to = from + sentence.length;
        if (!starts.some((s) => s >= from && s < to)) acc.kept.push({ from, to, text: sentence });
        return { at: to, kept: acc.kept };
      },
      { at: 0, kept: [] },
    ).kept;
  if (rest.length === 0) return true;
  // A next step for them, a check or a plan made together, said outside the story, brings it back to them however
  // it is worded ("Let's get your new phone registered so you can set up that payee").
  const outside = (at: number) => rest.some((r) => at >= r.from && at < r.to);
  if (findings.some((f) => BACK_TO_THEM.has(f.detector) && f.delta > 0 && f.spans.some((sp) => outside(sp.start)))) return false;
  return !touchesTurn(relevanceFeatures(readReply(rest.map((r) => r.text).join(' ')), [], turn));
}

/** Findings that, outside the rep's story, turn the reply back to the customer's problem. */
const BACK_TO_THEM = new Set(['commits-action', 'together', 'recaps', 'names-feeling']);

// Naming how they feel, or their own amount or reference, answers them whatever the model makes of the rest.
const answersThem = (features: readonly string[]) => features.includes('their-feeling') || features.includes('amount') || engages(features);

export function judge(reading: Reading, findings: readonly Finding[], turn: Turn): Judgement {
  const found = new Set(findings.map((f) => f.detector));
  const misfits: string[] = [];
  const fits = new Set(turn.fits);
  if (found.has('real-apology') && !fits.has('apology')) misfits.push('real-apology');
  if (found.has('normalizes') && !fits.has('normalizing')) misfits.push('normalizes');
  // A story of their own helps only where relating fits, only once, and only when it leads back to them.
  const told = (detectors: { has(d: string): boolean }) => detectors.has('relates') || detectors.has('overshares');
  const story = !told(found)
    ? undefined
    : turn.earlier.some((e) => told(new Set(e.detectors)))
      ? 'second'
      : !fits.has('relating')
        ? 'here'
        : endsOnYou(reading, findings, turn)
          ? 'ends-on-you'
          : undefined;
  if (story) misfits.push('relates');
  // A time is a promise only once the rep knows what they can do; swearing to an outcome never is one they can keep.
  if (promises(reading.text, !fits.has('commitment')).length > 0) misfits.push('commits-action');
  // A string of keywords with no one speaking in it answers nobody, whatever words it has.
  const salad = reading.tokens.filter((t) => /\w/.test(t.text)).length >= 5 && !reading.tokens.some((t) => ['PRON', 'DET', 'AUX', 'ADP'].includes(t.pos));
  return {
    story,
    relevant: turn.closeToAuthored || (!salad && answersThem(relevanceFeatures(reading, findings, turn))),
    repeats: turn.earlier.some((e) => nearCopy(e.text, reading.text)),
    parrots: parrots(reading.text, turn.customerLine),
    misfits,
  };
}

const whole = (text: string): Span[] => [{ start: 0, end: text.length }];

const STORY_NOTES: Record<NonNullable<Judgement['story']>, (first: string) => string> = {
  second: () => 'You have already told a story of your own; a second one turns the call towards you.',
  here: () => 'A story of your own does not help here; keep the focus on them.',
  'ends-on-you': (first) => `The story ends on you: bring it back to ${first} and what they are dealing with.`,
};

const MISFIT_NOTES: Record<string, (first: string, j: Judgement) => string> = {
  'real-apology': (first) => `Nothing has gone wrong on our side at this point, so an apology here sounds scripted; answer what ${first} said instead.`,
  normalizes: (first) => `${first} is not blaming themselves here, so "that's normal" brushes past what they said.`,
  relates: (first, j) => STORY_NOTES[j.story ?? 'here'](first),
  'commits-action': () => 'That promises an outcome you cannot be sure of yet; say what you will do and when you will tell them where it stands.',
  congratulates: (first) => `${first} has not shared good news; congratulating them here jars with what they are going through.`,
};

/**
 * Applies the judgement: a reply that repeats an earlier one or echoes the customer earns nothing
 * and costs language (or personalizing, where language is not scored); one that does not engage
 * with the turn earns no positive credit; each misfit move costs a point on its own skill.
 */
export function inContext(text: string, findings: Finding[], j: Judgement, turn: Turn, congratulated: Span[]): Finding[] {
  const out: Finding[] = [];
  const voidReason = j.repeats
    ? 'not counted: you have sent this reply before'
    : j.parrots
      ? "not counted: these are the customer's own words"
      : !j.relevant
        ? `not counted: this doesn't answer what ${turn.firstName} just told you`
        : undefined;
  for (const f of findings) {
    if (j.misfits.includes(f.detector) && f.detector !== 'congratulates') {
      out.push({ ...f, delta: -1, note: MISFIT_NOTES[f.detector]!(turn.firstName, j) });
    } else if (voidReason && f.delta > 0) {
      out.push({ ...f, delta: 0, note: `${f.note} (${voidReason}.)` });
    } else out.push(f);
  }
  if (j.misfits.includes('commits-action') && !findings.some((f) => f.detector === 'commits-action')) {
    out.push({ detector: 'misfit', skill: 'ownership', delta: -1, spans: promises(text, !turn.fits.includes('commitment')), note: MISFIT_NOTES['commits-action']!(turn.firstName, j) });
  }
  if (congratulated.length > 0) {
    out.push({ detector: 'misfit', skill: 'reflecting', delta: -2, spans: congratulated, note: MISFIT_NOTES.congratulates!(turn.firstName, j) });
  }
  const language: SkillId = !turn.scored || turn.scored.has('language') || !turn.scored.has('personalizing') ? 'language' : 'personalizing';
  if (j.repeats) {
    out.push({ detector: 'repeats', skill: language, delta: -2, spans: whole(text), note: 'The same reply again: a pasted answer tells the customer nobody is listening. Answer what they just said.' });
  } else if (j.parrots) {
    out.push({ detector: 'parrots', skill: language, delta: -2, spans: whole(text), note: `That hands ${turn.firstName}'s own words back without adding anything; say what you understood, in your words.` });
  } else if (!j.relevant) {
    out.push({ detector: 'off-topic', skill: 'personalizing', delta: 0, spans: [], note: `This doesn't answer what ${turn.firstName} just told you: mention what they raised (${turn.facts.slice(0, 2).join(', ')}) or how they feel.` });
  }
  return out;
}

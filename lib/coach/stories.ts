// The rep's own stories in a reply: where each starts and ends, and how long it runs, for relates and overshares
// (a brief one relates; a long one overshares) and the detectors that must not read a story as the work.
import type { Span } from './detectors';
import { lumpMatches } from './crowd';
import { findAll, sentenceText, type Match, type Reading, type Token, rx } from './nlp';

/** Past this many words about themselves, the rep's story has taken over the customer's call. */
const OVERSHARE_WORDS = 45;
/** Past this many sentences about themselves, likewise. */
const OVERSHARE_SENTENCES = 2;

/**
 * Whether the rep talks about themselves too long: what counts is everything they say of themselves in the reply,
 * in words as well as sentences, so a story told in two long sentences, or in pieces around a line to the customer,
 * is as long as one told in four.
 */
export function runsLong(stories: readonly Story[]): boolean {
  const words = stories.reduce((n, s) => n + s.words, 0);
  const sentences = stories.reduce((n, s) => n + s.sentences, 0);
  return sentences > OVERSHARE_SENTENCES || words > OVERSHARE_WORDS;
}

const PAST = '(?:had|was|were|went|did|got|lost|forgot|missed|broke|died|failed|moved|bought|spent|waited|paid|ended|took|sent|left|dropped|happened|crashed|flooded|froze|came|sat|cried|chased|rang|called|booked|tried|needed|found|gave|kept|put|made|thought|felt|knew|ran|fell|caught|told|said|nearly|almost|once|used to)';
const MONTHS = 'january|february|march|april|may(?! (?:have|be|not|need|want|take|find|also|help|well|i|you|we|it|still|just))|june|july|august|september|october|november|december';
const AGO = `(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|a few|few|couple of|a couple of|several|many) (?:years?|months?|weeks?|days?|summers?|winters?|springs?|autumns?|christmases|decades?) ago|last (?:year|month|week|weekend|spring|summer|autumn|fall|winter|christmas|easter|night|time)|(?:in|this|last) (?:${MONTHS})|in (?:19|20)\\d\\d|when i was|as a (?:kid|child|teenager|student|boy|girl))`;

/** Sentences where the rep starts a story of their own: something that happened to them, or a close family member. */
const STORY_TRIGGERS = [
  `(?:the )?(?:very )?same (?:thing )?(?:happened|happens|went wrong) (?:to me|with my|to my|on my|with mine|to mine|with our|to us)`,
  `(?:that|this|it) (?:happened|has happened) to (?:me|my|us)`,
  `i (?:have |'ve )?(?:had|went through|did) (?:the same|a similar|exactly (?:the same|that|this)|that (?:same|exact)|the exact same|my (?:first|own)|one (?:of those|like that))`,
  `(?:my own|mine|my [a-z]+) (?:[a-z]+ ){0,3}${PAST}\\b.*\\b(?:same|too|as well|myself|${AGO})`,
  `(?:my own|mine) (?:[a-z]+ ){0,2}${PAST}`,
  `i (?:have|'ve) been (?:there|through (?:it|that|this|the same)|in (?:the same|exactly|your|that|a similar))`,
  `been there (?:myself|too|before)`,
  `when (?:i|my|our) (?:[a-z-]+ ){0,3}${PAST}`,
  `i (?:[a-z]+ ){0,6}(?:myself|too|as well)\\b.*${AGO}|i ${PAST} (?:[a-z']+ ){0,8}${AGO}|${AGO} ,? (?:i|my)\\b`,
  // "I remember my first one", "I still remember collecting mine": memory, not "I remember your order".
  `i (?:still |really |clearly |vividly )?remember (?:when|being|feeling|how|my|the day|the first|[a-z]+ing)`,
];

export interface Story {
  spans: Span[];
  words: number;
  sentences: number;
}

const FIRST_PERSON = new Set(['i', 'i am', 'i have', 'i would', 'i will', 'my', 'mine', 'me', 'myself']);
// A sentence about the work being done for the customer, which ends a story and never starts one.
export const WORK = /(?:^|, )(?:let me|let us)\b|\b(?:i will (?!(?:never|not|always|still)\b)|i am going to|i can|we will|we can|i am (?!still\b)(?:just |now |currently |personally )?[a-z]+ing\b.*\b(?:now|for you|today|tonight|tomorrow|straight away|right away|this (?:morning|afternoon|evening)|(?:by|before|at|within) (?:\d|noon|midday|lunch|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|the end))\b|i am (?:just |now )?[a-z]+ing (?:you|your)\b|i am on the phone|i have (?:just |now |also |already )?[a-z]+ed\b.*\b(?:you|your|now|today|for you)\b|i have (?:just |now |also |already )?(?:booked|ordered|sent|checked|added|arranged|put|moved|found|released|removed|raised|logged|made|reset|processed|refunded|cancelled|canceled|credited|changed|updated|emailed|called)|i have (?:just |now |also |already )?[a-z]+ (?:you|your)\b)/;
const PAST_WORDS = new Set(PAST.slice(3, -1).split('|').filter((w) => !['once', 'nearly', 'almost', 'used to'].includes(w)));
// How long something of the rep's went on: "for a year", "for months", which only a story says of the rep.
const LASTED = '(?:for (?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|\\d+|a few|a couple of|several|many) (?:years?|months?|weeks?|days?|hours?|summers?|winters?|nights?)|years|months|weeks|ages|days))';
// How long the rep has done the job is a credential, not an experience like theirs: "I've worked here for ten years".
const TENURE = new RegExp(`\\b(?:worked|working|been (?:working|doing (?:this|the) job|here|in (?:this|the) job)|done (?:this|the) job)(?: here| in this job)? ${LASTED}`, 'g');
// "I've never seen that", "I've not had one of those": the rep saying they have no such experience.
const NEVER_HAD = /\b(?:never|not|not ever|not once) (?:ever )?(?:seen|had|heard|come across|known|experienced|met)\b/;
const STORY_MARKER = new RegExp(`\\b(?:too|either|as well|myself|same|similar|once|actually|my own|mine|ours|at home|the feeling|before|since|${AGO}|${LASTED})\\b`);
// Things a rep has at work, and the customer's business ("my team", "the booking"); "my sister", "my roof", "my physio" are their own life.
const BUSINESS_NOUNS = [
  'colleague', 'colleagues', 'manager', 'team', 'supervisor', 'system', 'systems', 'record', 'records', 'note', 'notes', 'screen',
  'end', 'side', 'department', 'line', 'name', 'job', 'role', 'fault', 'mistake', 'error', 'apologies', 'apology', 'best',
  'computer', 'engineer', 'driver', 'courier', 'staff', 'technician', 'office', 'desk', 'company', 'branch', 'store', 'shop',
  'website', 'site', 'app', 'policy', 'process', 'understanding', 'view', 'advice', 'guess', 'boss', 'client', 'clients',
  'customer', 'customers', 'records', 'part', 'responsibility', 'pleasure', 'word', 'words', 'number', 'extension', 'email',
  'letter', 'form', 'service', 'bad', 'fault', 'doing', 'sincere', 'deepest', 'experience', 'booking', 'account', 'order',
  'appointment', 'refund', 'claim', 'payment', 'parcel', 'delivery', 'bill', 'card', 'details', 'reference',
];
const BUSINESS = new Set(BUSINESS_NOUNS);
// Nor, after "my", are stretches of time: "that made my day".
const WORK_NOUNS = new Set([...BUSINESS_NOUNS, 'day', 'week', 'morning', 'afternoon', 'evening', 'night', 'time', 'turn', 'opinion', 'question']);
/**
 * Friends, neighbours and colleagues: "a friend of mine had the same" is their story, not the rep's own experience
 * (a rep's household is theirs: "my sister adopted a greyhound", "when we lost our spaniel").
 */
const OUTSIDE_CIRCLE = new Set([
  'friend', 'friends', 'mate', 'mates', 'pal', 'pals', 'buddy', 'buddies', 'neighbour', 'neighbours', 'neighbor', 'neighbors',
  'colleague', 'colleagues', 'coworker', 'coworkers', 'co-worker', 'acquaintance', 'boss', 'flatmate', 'housemate',
]);
const THEIR_STORY = new RegExp(`\\b(?:(?:a|one|some|an) (?:[a-z]+ )?(?:${[...OUTSIDE_CIRCLE].join('|')}) of (?:mine|ours)|my (?:[a-z]+ )?(?:${[...OUTSIDE_CIRCLE].join('|')})(?: is| 's)?|someone i know|people i know)\\b`, 'g');
/** What a rep does for a customer, by lemma: a sentence that does these has turned from the story to the work. */
const SERVICE_VERBS = new Set([
  'book', 'send', 'check', 'refund', 'cancel', 'call', 'ring', 'phone', 'email', 'text', 'arrange', 'order', 'raise', 'credit',
  'issue', 'process', 'log', 'unlock', 'move', 'fix', 'add', 'change', 'switch', 'pause', 'renew', 'release', 'reopen', 'waive',
  'remove', 'resend', 'attach', 'update', 'correct', 'upgrade', 'extend', 'trace', 'chase', 'confirm', 'post', 'reset', 'clear',
  'block', 'freeze', 'reserve', 'print', 'replace', 'speak', 'talk', 'contact', 'transfer', 'reverse', 'rebook', 'register',
  'apply', 'schedule', 'sort', 'pass', 'forward', 'escalate', 'refer', 'look', 'investigate', 'review', 'organise',
  'organize', 'reschedule', 'restore', 'repair', 'deliver', 'collect', 'note', 'help', 'message', 'write',
]);

// "Our" is usually the company ("our network", "our receptionist"); with these it is the rep's household.
const HOUSEHOLD = new Set([
  'family', 'kids', 'children', 'son', 'daughter', 'baby', 'boy', 'girl', 'dog', 'cat', 'puppy', 'kitten', 'house', 'home', 'flat',
  'wedding', 'honeymoon', 'holiday', 'car', 'garden', 'mum', 'dad', 'parents', 'twins', 'nan', 'gran', 'grandad', 'eldest', 'youngest',
  // The rest of a family and its pets: "when we lost our spaniel", "our little one".
  'husband', 'wife', 'partner', 'brother', 'sister', 'grandma', 'grandpa', 'granny', 'grandparents', 'grandkids', 'grandchildren',
  'uncle', 'aunt', 'auntie', 'cousin', 'niece', 'nephew', 'toddler', 'little', 'pet', 'pets', 'rabbit', 'hamster', 'budgie',
  'parrot', 'tortoise', 'pony', 'horse', 'spaniel', 'terrier', 'labrador', 'collie', 'greyhound', 'retriever', 'poodle', 'lurcher',
  'bathroom', 'kitchen', 'loft', 'roof', 'bedroom', 'lounge', 'street', 'neighbourhood', 'village', 'anniversary',
]);

/** "My sister", "our family dog": the rep's own life, which a story is about. */
function ownsPersonal(toks: Token[]): boolean {
  return toks.some((t, i) => {
    if (t.norm !== 'my' && t.norm !== 'our') return false;
    const phrase = toks.slice(i + 1, i + 4);
    if (t.norm === 'our') return phrase.some((n) => HOUSEHOLD.has(n.norm));
    const head = phrase.find((n) => n.pos === 'NOUN' || n.pos === 'PROPN');
    const notOwnLife = (n: Token) => WORK_NOUNS.has(n.norm) || OUTSIDE_CIRCLE.has(n.norm);
    return !!head && !notOwnLife(head) && !toks.slice(i + 1, toks.indexOf(head)).some(notOwnLife);
  });
}

/** A sentence's clauses, split where a story could begin or end: "…; it caught me out too", "…, so I've taken your details". */
function clausesOf(r: Reading, sentence: number): Token[][] {
  const s = r.sentences[sentence]!;
  const out: Token[][] = [[]];
  for (let i = s.firstToken; i <= s.lastToken; i++) {
    const t = r.tokens[i]!;
    const next = r.tokens[i + 1];
    const spacedDash = (t.norm === '-' || t.norm === '–' || t.norm === '—') && r.tokens[i - 1]?.end !== t.start;
    if ([';', ':', '(', ')', '—', '–'].includes(t.norm) || spacedDash || (t.norm === ',' && next && ['and', 'but', 'so', 'because', 'though', 'although', 'which', 'while', 'whereas', 'then', 'or'].includes(next.norm))) {
      if (out.at(-1)!.length) out.push([]);
      continue;
    }
    out.at(-1)!.push(t);
  }
  return out.filter((c) => c.length > 0);
}

const clauseText = (toks: Token[]) => toks.map((t) => t.norm).join(' ');
// "I'm afraid", "I think", "I'm sure" are asides about the reply, not the rep's life: "the same fee applies, I'm afraid".
const ASIDE = /\bi (?:am afraid|am sorry|am sure|think|know|hope|mean|guess|suppose|believe|understand|see|promise|reckon|would say|must say|have to say)\b/g;
/** The rep in the words, not as an aside ("I'm afraid") and not as someone else's friend ("a friend of mine had…"). */
const hasFirstPerson = (toks: Token[]) => /\b(?:i|my|mine|me|myself)\b/.test(clauseText(toks).replace(ASIDE, '').replace(THEIR_STORY, ''));
/** The rep, or the rep's household as "we"/"our" ("when we lost our spaniel"). */
const aboutRep = (toks: Token[]) => hasFirstPerson(toks) || (/\b(?:our|we|us)\b/.test(clauseText(toks)) && ownsPersonal(toks));
const hypothetical = (text: string) => /\b(?:if|would|imagine|suppose)\b/.test(text);
function inPast(toks: Token[], text: string): boolean {
  return (
    rx`\\b(?:${AGO}|used to|i have been|i have had)\\b`.test(text) ||
    toks.some((t, i) => PAST_WORDS.has(t.norm) || (t.pos === 'VERB' && t.lemma !== t.norm && !/(?:ing|s)$/.test(t.norm)) || perfectAt(toks, i))
  );
}
/** "I've worn them every day since": have + a participle, which the tagger sometimes calls an adjective ("worn"). */
function perfectAt(toks: Token[], i: number): boolean {
  if (toks[i]!.norm !== 'have' && toks[i]!.norm !== 'had') return false;
  const next = toks.slice(i + 1).find((t) => t.pos !== 'ADV');
  return !!next && ((next.pos === 'VERB' && next.lemma !== next.norm) || (next.pos === 'ADJ' && /(?:ed|n|ne|t)$/.test(next.norm)));
}
// Said in the present, the rep's own life is a habit ("I'm forever resetting my own password", "I always forget mine
// too") or a likeness ("mine's exactly the same", "my cat does the exact same thing").
const HABIT = /\bi (?:am |do )?(?:forever|always|constantly|still|often|regularly|usually) [a-z]+/;
const SAME_AS_MINE = /\b(?:(?:exact |very )?same thing|same here|me too|mine too|(?:mine|my ([a-z]+)) (?:is|'s|does|did|was|looks|goes|has) (?:exactly |just |much |pretty much |the very |the exact )?(?:the )?(?:same|like that|like yours))\b/;
// "My phone does the same" is the rep's own; "my order is the same as yours" is the business.
const sameAsMine = (text: string) => {
  const m = SAME_AS_MINE.exec(text);
  return !!m && !(m[1] && WORK_NOUNS.has(m[1]));
};

// A clause can mention them and still be the rep's story: "the same happened to me", "I bought the same bed", "I've been in your shoes".
const SAME_AS_YOURS = /\b(?:same (?:thing|happened|happens|problem|issue|here|with|to me|myself|experience)|similar|my own|happened to me|mine|in your shoes|in your position|where you are|your age)\b|\bi (?:have )?[a-z]+ the (?:very |exact )?same\b/;

// The rep owning a slip in this very conversation ("I got ahead of myself", "I promised that before checking", "that
// mix-up was mine") or vouching for what they have seen of the customer's case ("with my own eyes") is the work, not a story.
const OWNS_A_SLIP = /\b(?:(?:got|get|getting) ahead of myself|jump(?:ed)? (?:the gun|ahead|in)|correct myself|i owe you an apology|(?:it|that|this) (?:is|was) on me|with my own eyes|i was (?:still )?(?:half )?on (?:my|another|the last) call|my (?:wording|reply|last reply|answer|email|message|mistake|error|fault)|(?:the|that|this) (?:mix - up|mix-up|mistake|error|slip|confusion) (?:was|is) (?:mine|on me|my fault)|i should(?: not)? have (?:said|promised|told|asked|checked|read|offered|quoted|answered|listened)|i (?:have )?(?:promised|said|told you|quoted|offered) (?:[a-z']+ ){0,6}before (?:i (?:had |have |would )?)?(?:check|read|look)\w*)\b/;

/** A clause where the rep tells of something that happened to them (not an action for the customer). */
function ownExperienceClause(toks: Token[]): boolean {
  const text = clauseText(toks);
  if (!aboutRep(toks) || hypothetical(text) || WORK.test(text) || NEVER_HAD.test(text) || OWNS_A_SLIP.test(text)) return false;
  // "I've looked up order FH-20417 and it was delivered 44 days ago" is the customer's business, told in the past.
  if (reportsWork(toks) && toks.some((t) => BUSINESS.has(t.norm))) return false;
  // Past tense tells a story; a habit or a likeness tells one in the present.
  if (!(inPast(toks, text) || HABIT.test(text) || sameAsMine(text)) || !(STORY_MARKER.test(text.replace(TENURE, '')) || ownsPersonal(toks))) return false;
  // "I've switched your pickup for the same time" is the work; "the same happened to me", "I bought the same bed" are stories whatever follows.
  return !/\b(?:you|your)\b/.test(text) || SAME_AS_YOURS.test(text);
}

/** Where in a sentence the rep's own experience starts, if it has one. */
function ownExperienceAt(r: Reading, sentence: number): number | undefined {
  const clause = clausesOf(r, sentence).find(ownExperienceClause);
  return clause ? r.tokens.indexOf(clause[0]!) : undefined;
}

const sentenceTokens = (r: Reading, sentence: number) => r.tokens.slice(r.sentences[sentence]!.firstToken, r.sentences[sentence]!.lastToken + 1);
/** First person doing the customer's business: "I checked the tracking this morning" is the work, told in the past. */
const reportsWork = (toks: Token[]) => toks.some((t) => t.pos === 'VERB' && SERVICE_VERBS.has(t.lemma)) && toks.some((t) => t.norm === 'i' || t.norm === 'we');

/**
 * A sentence that leads into a story: about the rep's own life ("I bring my sister most weeks, actually."), or the
 * rep (or their household, "we", when it says when) in the past, before the story proper: "I bought them the day they
 * came out. I've worn them every day since…", "We had an extension built next door last year. …".
 */
function leadsIntoStory(r: Reading, sentence: number): boolean {
  const toks = sentenceTokens(r, sentence);
  const text = sentenceText(r, sentence);
  if (hypothetical(text) || WORK.test(text) || /\b(?:you|your|yours)\b/.test(text)) return false;
  if (hasFirstPerson(toks) && (STORY_MARKER.test(text) || ownsPersonal(toks))) return true;
  const rep = hasFirstPerson(toks) || (/\b(?:we|us)\b/.test(text) && rx`\\b${AGO}\\b`.test(text));
  return rep && inPast(toks, text) && !reportsWork(toks);
}

const ABILITY_OR_NOW = /\bi (?:can|am (?:just |now |currently |personally )?[a-z]+ing)\b/g;
/**
 * A sentence that turns from the story to the customer's business: the work (WORK) done for them, to their things
 * ("I'm booking an engineer for Friday", "let me check"), not more of the rep's life in the present ("I can lift the
 * kettle again now", "I'm walking five miles a week now").
 */
function turnsToWork(toks: Token[], text: string): boolean {
  if (!WORK.test(text)) return false;
  // "I can…" and "I'm …ing now" are the work only when they do something of the customer's; any other WORK form is.
  if (WORK.test(text.replace(ABILITY_OR_NOW, ' '))) return true;
  if (/\b(?:you|your|it|this|that|them)\b/.test(text)) return true;
  return toks.some((t) => BUSINESS.has(t.norm) || (['VERB', 'NOUN'].includes(t.pos) && SERVICE_VERBS.has(t.lemma)));
}

const storiesOf = new WeakMap<Reading, Story[]>();

export function inOwnStory(r: Reading, m: Match): boolean {
  return ownStories(r).some((s) => s.spans.some((sp) => sp.start <= m.start && m.end <= sp.end));
}

/** The rep's own stories: the sentence that starts each and the ones after it that stay with the rep. */
export function ownStories(r: Reading): Story[] {
  let stories = storiesOf.get(r);
  if (!stories) storiesOf.set(r, (stories = findStories(r)));
  return stories;
}

function findStories(r: Reading): Story[] {
  const lumped = new Set(lumpMatches(r).map((l) => r.tokens[l.first]!.sentence));
  const startAt = new Map<number, number>();
  for (const m of STORY_TRIGGERS.flatMap((p) => findAll(r, p))) {
    const sentence = r.tokens[m.first]!.sentence;
    // "if it were me", "I would have" are not stories.
    if (/\b(?:if|would)\b/.test(r.flat.slice(r.flatStart[r.sentences[sentence]!.firstToken]!, r.flatStart[m.first]!))) continue;
    // "when our system crashed" is the company's story, not the rep's.
    if (/^when (?:my|our|we)\b/.test(r.flat.slice(r.flatStart[m.first]!)) && !ownsPersonal(r.tokens.slice(m.first, m.last + 1))) continue;
    // "I sent you the wrong form last week" is about their order, and an apology, not a story; "I'd be climbing the walls too if…" is not one either.
    const clause = clausesOf(r, sentence).find((c) => c.includes(r.tokens[m.first]!)) ?? [];
    if (WORK.test(clauseText(clause)) || OWNS_A_SLIP.test(clauseText(clause)) || hypothetical(clauseText(clause)) || (/\b(?:you|your)\b/.test(clauseText(clause)) && !SAME_AS_YOURS.test(clauseText(clause)))) continue;
    // "A friend of mine had the same last year" is the friend's story.
    if (!aboutRep(clause.length ? clause : r.tokens.slice(m.first, m.last + 1))) continue;
    const from = clause.length ? r.tokens.indexOf(clause[0]!) : m.first;
    startAt.set(sentence, Math.min(startAt.get(sentence) ?? Infinity, from));
  }
  r.sentences.forEach((_, i) => {
    const at = startAt.has(i) ? undefined : ownExperienceAt(r, i);
    if (at !== undefined) startAt.set(i, at);
  });
  const stories: Story[] = [];
  let coveredUntil = -1;
  for (const [start, startToken] of [...startAt].sort((a, b) => a[0] - b[0])) {
    if (start <= coveredUntil || lumped.has(start)) continue;
    // A story can be led into: "I bring my sister most weeks, actually. She hated spin at first…"
    let first = start;
    let firstToken = startToken;
    while (first - 1 > coveredUntil && leadsIntoStory(r, first - 1) && !lumped.has(first - 1)) {
      first--;
      // From the rep's first word of themselves ("Honestly, I…"), or the whole sentence when it says "we".
      const at = sentenceTokens(r, first).find((t) => FIRST_PERSON.has(t.norm) || t.norm === 'we');
      firstToken = at ? r.tokens.indexOf(at) : r.sentences[first]!.firstToken;
    }
    let last = start;
    while (last + 1 < r.sentences.length) {
      const next = sentenceText(r, last + 1);
      // The story ends where the rep turns back to the customer or to the work.
      const aboutRep = /\b(?:i|my|me|mine|myself|we|our|us)\b/.test(next);
      const toCustomer = /\b(?:your|yours|yourself)\b/.test(next) || (/\byou\b/.test(next) && !aboutRep);
      const turnsBack =
        toCustomer ||
        /^(?:anyway|right|now|ok|okay|so|let|please|kind regards|best|yours|thanks|thank|what|how|can|could|would|shall|do|is|are)\b/.test(next) ||
        turnsToWork(sentenceTokens(r, last + 1), next);
      // An instruction to them ("Pop that one in the reference field.", "Take a seat.") turns back too: a bare verb
      // and its object. The tagger often calls a capitalised verb a name, so the form decides, not the tag.
      const opener = r.tokens[r.sentences[last + 1]!.firstToken]!;
      const object = r.tokens[r.sentences[last + 1]!.firstToken + 1];
      const instruction = ['VERB', 'PROPN'].includes(opener.pos) && opener.lemma === opener.norm && /^(?:the|a|an|that|this|these|those|it|them|your|yours|one|some|any|me|us|him|her|a few)$/.test(object?.norm ?? '');
      // …unless it goes straight on with the rep's own story: "…I had to take time off work. So yeah, I've been there."
      const storyGoesOn = startAt.has(last + 1) && !lumped.has(last + 1) && !toCustomer;
      if ((turnsBack || instruction) && !storyGoesOn) break;
      last++;
    }
    coveredUntil = last;
    // The last sentence may itself turn back part-way: "It's done the same to me, so I've taken your details…".
    let end = r.sentences[last]!.lastToken;
    const clauses = clausesOf(r, last).filter((c) => r.tokens.indexOf(c.at(-1)!) >= firstToken);
    const back = clauses.findIndex((c, k) => k > 0 && (turnsToWork(c, clauseText(c)) || /\b(?:you|your)\b/.test(clauseText(c))));
    if (back > 0) end = r.tokens.indexOf(clauses[back - 1]!.at(-1)!);
    const words = r.tokens.filter((tok, k) => k <= end && tok.sentence >= first && tok.start >= r.tokens[firstToken]!.start && /\w/.test(tok.text)).length;
    stories.push({ spans: [{ start: r.tokens[firstToken]!.start, end: r.tokens[end]!.end }], words, sentences: last - first + 1 });
  }
  return stories;
}

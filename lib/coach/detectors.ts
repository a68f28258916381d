// The coach's detectors: each finds one thing a reply does well or badly, grounded in a principle of the curriculum.
import type { SkillId } from '@/lib/content/curriculum';
import { findAll, words, type Match, type Reading } from './nlp';

export const detectorIds = [
  'names-customer',
  'names-feeling',
  'real-apology',
  'non-apology',
  'blames-customer',
  'yes-but',
  'fear-words',
  'jargon',
  'commits-action',
  'vague-handoff',
  'recaps',
  'normalizes',
  'lumps-together',
  'relates',
  'overshares',
  'congratulates',
  'together',
] as const;
export type DetectorId = (typeof detectorIds)[number];

export interface ReplyContext {
  /** The customer's full name as the scenario gives it ("Farida Benali"). */
  customerName: string;
  channel: 'phone' | 'chat' | 'email' | 'in-person';
  /** A feeling the customer has shown that no reply has answered yet, and whether it is good news. */
  clue: { news: 'bad' | 'good'; feeling?: string } | null;
  customerLine?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  detector: DetectorId;
  skill: SkillId;
  delta: number;
  spans: Span[];
  /** Why it matters, in a sentence a learner reads beside the highlighted words. */
  note: string;
}

interface Detector {
  id: DetectorId;
  skill: SkillId;
  principle: string;
  /** Empathy in the engine's sense: answering an open clue with it earns the timing credit. */
  empathy?: boolean;
  find(r: Reading, ctx: ReplyContext): Omit<Finding, 'detector' | 'skill'>[];
}

const span = (m: Match): Span => ({ start: m.start, end: m.end });
const NEGATORS = new Set(['not', 'never', 'no', 'without', 'nobody', 'nothing', 'neither', 'nor', 'hardly', 'none']);
/**
 * Whether a negation governs this phrase: wink-nlp flags the tokens, and a negator must sit in the
 * phrase or within four words before it in the same clause ("I'm not blaming you", "you don't need
 * to worry"), so "Oh no, that's upsetting" stays a reflection.
 */
function negatedAt(r: Reading, m: Match, inside = true): boolean {
  if (inside) for (let i = m.first; i < m.last; i++) if (NEGATORS.has(r.tokens[i]!.norm)) return true;
  if (!r.tokens.slice(Math.max(0, m.first - 1), m.last + 1).some((t) => t.negated) && !NEGATORS.has(r.tokens[m.first - 1]?.norm ?? '')) return false;
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) {
    const t = r.tokens[i]!;
    if (t.pos === 'PUNCT') return false;
    if (NEGATORS.has(t.norm)) return true;
  }
  return false;
}
const sameSentence = (r: Reading, a: number, b: number) => r.tokens[a]!.sentence === r.tokens[b]!.sentence;

// ---- Vocabulary --------------------------------------------------------------------------------

/** Feelings a customer might have, as adjectives (and their "-ing" forms for "that sounds …"). */
const FEELINGS = [
  'worried', 'worrying', 'frustrated', 'frustrating', 'angry', 'upset', 'upsetting', 'furious', 'annoyed', 'annoying',
  'stressed', 'stressful', 'scared', 'scary', 'frightened', 'frightening', 'anxious', 'embarrassed', 'embarrassing',
  'disappointed', 'disappointing', 'exhausted', 'exhausting', 'overwhelmed', 'overwhelming', 'maddening', 'infuriating',
  'infuriated', 'unsettling', 'unsettled', 'distressing', 'distressed', 'hurt', 'hurtful', 'heartbroken', 'devastated',
  'devastating', 'shaken', 'gutted', 'fed up', 'nervous', 'panicked', 'panicky', 'alarmed', 'alarming', 
  'rattled', 'livid', 'irritated', 'irritating', 'exasperated', 'exasperating', 'confused', 'confusing',
  'lost', 'helpless', 'let down', 'betrayed', 'humiliated', 'humiliating', 'mortified', 'ashamed', 'sad', 'heartbreaking',
  'lonely', 'isolated', 'terrified', 'terrifying', 'horrified', 'uneasy', 'on edge', 'tense', 'drained', 'worn out',
  'at the end of your tether', 'miserable', 'galling', 'infuriating',
  'excited', 'exciting', 'thrilled', 'thrilling', 'proud', 'relieved', 'delighted', 'happy', 'overjoyed', 'elated',
  'nerve-wracking', 'nerve wracking', 'daunting', 'shocked', 'shocking', 'hurting', 'grieving', 'bewildered', 'baffled',
  'baffling', 'cross', 'sick of', 'tired of', 'stuck', 'trapped', 'powerless', 'vulnerable', 'violated', 'unsafe',
  'mortifying', 'over the moon', 'stressed out', 'freaked out', 'beside yourself', 'upset about', 'shaken up', 'jittery',
  'disheartened', 'discouraged', 'panicking', 'fretting', 'reeling', 'deflated', 'crushed', 'insulted', 'fuming', 'seething', 'gutting',
];
/** Feelings as nouns, for "your frustration" and "the worry". */
const FEELING_NOUNS = [
  'frustration', 'worry', 'worries', 'anger', 'disappointment', 'fear', 'fears', 'stress', 'anxiety', 'embarrassment',
  'upset', 'distress', 'panic', 'excitement', 'relief', 'pride', 'grief', 'shock', 'concern', 'concerns', 'annoyance',
  'irritation', 'exasperation', 'confusion', 'heartbreak', 'nerves', 'dread', 'sadness', 'fright', 'alarm',
  'disbelief', 'dismay', 'joy', 'delight', 'happiness',
];
const INTENSIFIER = '(?:(?:so|really|very|quite|pretty|absolutely|completely|totally|incredibly|understandably|rightly|a bit|a little|a lot more|more than a little|extremely|deeply|truly|such a|so very|bound to be|naturally|utterly|genuinely|clearly|obviously|visibly|still|rightly|justifiably|properly|feeling) )*';
const FEELING = words(FEELINGS);
const FEELING_NOUN = words(FEELING_NOUNS);

const WHEN = words([
  'now', 'right now', 'today', 'tonight', 'tomorrow', 'this morning', 'this afternoon', 'this evening', 'straight away',
  'right away', 'immediately', 'first thing', 'by the end of the day', 'end of day', 'within the hour', 'in the next hour',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'this week', 'next week', 'while you wait',
  'while we talk', 'while you are here', 'before you leave', 'before you go', 'at once',
]);

// ---- Detectors ---------------------------------------------------------------------------------

const TITLES = '(?:mr|mrs|ms|miss|mx|dr|doctor|professor|prof) \\.? ?';

const namesCustomer: Detector = {
  id: 'names-customer',
  skill: 'personalizing',
  principle: 'P16',
  find(r, ctx) {
    const parts = ctx.customerName.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return [];
    const first = parts[0]!;
    const last = parts.length > 1 ? parts.slice(1).join(' ') : undefined;
    const patterns = [words([first]), ...(last ? [`${TITLES}${words([last])}`] : [])];
    const found = patterns.flatMap((p) => findAll(r, new RegExp(p)));
    if (found.length === 0) return [];
    return [{ delta: 1, spans: found.map(span), note: 'Using their name tells them they are talking to a person, not a queue.' }];
  },
};

const namesFeeling: Detector = {
  id: 'names-feeling',
  skill: 'reflecting',
  principle: 'P24',
  empathy: true,
  find(r) {
    const frames = [
      // you sound / you must be / you're (understandably) upset / you must have been frightened
      `you (?:are|were|sound|sounded|seem|seemed|look|looked|feel|felt|must be|must have been|must feel|would be|might be|may be|will be|have been|are being|get|must|might feel|may feel|would feel|could be|are feeling|were feeling|have been feeling) (?:left )?${INTENSIFIER}${FEELING}`,
      // that sounds / that must be / it's (so) frustrating / that's a stressful thing
      `(?:that|this|it|all that|all of that|all this) (?:is|was|sounds|sounded|must be|must have been|would be|has been|seems|looks|feels|must feel|would have been) (?:like )?(?:a |an |such a |such an )?${INTENSIFIER}${FEELING}`,
      `(?:how|what an?|such an?) ${INTENSIFIER}${FEELING}`,
      `(?:so|really|very|truly|utterly|absolutely) ${FEELING} (?:!|\\.)`,
      `you (?:are|were|have every|had every|are completely|are quite|are perfectly) (?:right|entitled|justified|within your rights) to (?:be|feel) ${INTENSIFIER}${FEELING}`,
      `(?:you|you both|you two|you and your [a-z]+|both of you) (?:must|will|would) (?:be|feel|have been) ${INTENSIFIER}${FEELING}`,
      `must (?:be|have been|feel) ${INTENSIFIER}(?!lost|stuck|cross|happy)${FEELING}`,
      `no wonder (?:you are|you feel|you were|you felt|you are feeling|you sound|you) ${INTENSIFIER}${FEELING}`,
      `(?:anyone|anybody|everyone|most people|i) (?:would|will|'d) (?:be|feel|have been) ${INTENSIFIER}${FEELING}`,
      `(?:i can|i) (?:hear|see|tell|imagine|understand|sense) (?:how|that|why) (?:${INTENSIFIER}${FEELING}|you (?:are|were|feel|must be|might be|would be|sound) ${INTENSIFIER}${FEELING}|(?:this|that|it) (?:is|was|must be|feels) ${INTENSIFIER}${FEELING})`,
      `(?:feeling|to feel|left you|leave you|leaving you|made you|make you|makes you|leaves you|has left you) ${INTENSIFIER}${FEELING}`,
      `(?:understandable|natural|normal|reasonable|no surprise|no wonder|makes sense|of course) (?:that you|you|to|for you to)(?: would| are| feel| be| get| were| felt)? ${INTENSIFIER}(?:${FEELING}|worry|panic|fret)`,
      `(?:given|gave|give) you (?:a |such a |quite a )?(?:real |proper |nasty |horrible |awful )?(?:fright|scare|shock|turn)`,
    ];
    const said = frames.flatMap((f) => findAll(r, new RegExp(f)));
    // Feeling nouns count when said of the customer: "your frustration", "I can hear the worry in your voice".
    const nouns = [
      ...findAll(r, new RegExp(`your (?:${INTENSIFIER})${FEELING_NOUN}`)),
      ...findAll(r, new RegExp(`(?:hear|see|sense|understand|imagine|feel) (?:the|that|this|all the|how much) ${INTENSIFIER}${FEELING_NOUN}`)),
    ];
    // "It's happy now" is about a machine: states only a person has don't count after it, this or that.
    const personOnly = /^(?:that|this|it|all that|all of that|all this) .*\b(?:happy|proud|excited|delighted|relieved|thrilled|overjoyed|elated|lost|stuck|cross|sad)$/;
    const own = [...said, ...nouns].filter((m) => !negatedAt(r, m) && !personOnly.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length)));
    if (own.length === 0) return [];
    const reason = own.some((m) => {
      const rest = r.tokens.slice(m.last + 1).filter((t) => t.sentence === r.tokens[m.last]!.sentence).map((t) => t.norm);
      const before = r.tokens.slice(r.sentences[r.tokens[m.first]!.sentence]!.firstToken, m.first).filter((t) => /\w/.test(t.norm));
      return before.length >= 4 || rest.some((w) => ['because', 'after', 'when', 'with', 'since', 'that', 'about', 'given', 'if', 'on', 'to', 'for', 'over', 'without'].includes(w));
    });
    return [
      {
        delta: reason ? 2 : 1,
        spans: dedupe(own.map(span)),
        note: reason
          ? 'You named the feeling and its cause, so they know you heard why it matters.'
          : 'You named the feeling; adding its cause ("…after being charged twice") shows you heard why.',
      },
    ];
  },
};

const APOLOGY = '(?:sorry|apologise|apologize|apologies|apology|apologising|apologizing)';
const NON_APOLOGY = [
  `sorry (?:that )?you (?:feel|felt|are feeling|were feeling|think|thought|interpreted|took|read|see|saw|perceive|perceived|found|find|view|viewed|believe|consider)`,
  `sorry (?:that )?you (?:are|were|have been) (?:so |very |a bit |feeling )?(?:upset|unhappy|disappointed|frustrated|annoyed|dissatisfied|not happy|offended|confused|angry|displeased|put out|inconvenienced)`,
  `sorry (?:that )?you (?:had|have had|experienced|have experienced) (?:a|an|such a|what you feel was a) (?:bad|poor|negative|disappointing|frustrating|unpleasant|less than|unsatisfactory)`,
  `(?:sorry|apologi[sz]e|apologies) if`,
  `(?:sorry|apologise|apologize|apologies|apology) (?:for|about) any`,
  `any inconvenience`,
  `inconvenience (?:this|that|it) (?:may|might) have caused`,
  `sorry (?:that |for )?(?:this|that|it) (?:was|has been|is) (?:an? )?(?:inconvenience|frustrating for you|upsetting for you)`,
  `sorry for how you feel`,
  `sorry (?:that )?(?:this|that|it) (?:came across|was received|felt that way)`,
];

const nonApology: Detector = {
  id: 'non-apology',
  skill: 'apologizing',
  principle: 'P15',
  find(r) {
    const hits = NON_APOLOGY.flatMap((p) => findAll(r, new RegExp(p))).filter((m) => !negatedAt(r, m));
    if (hits.length === 0) return [];
    return [
      {
        delta: -2,
        spans: dedupe(hits.map(span)),
        note: 'This apologises for their reaction, not for what happened: it reads as "the problem is you". Own the specific thing instead.',
      },
    ];
  },
};

/** "we wrote the wrong name", "our form wiped it", "it's taken us this long": the rep's side did something. */
function ownsInSentence(r: Reading, sentence: number): boolean {
  const s = r.sentences[sentence]!;
  const toks = r.tokens.slice(s.firstToken, s.lastToken + 1);
  return toks.some((t, i) => {
    if ((t.norm === 'our' || t.norm === 'my') && ['NOUN', 'PROPN', 'ADJ'].includes(toks[i + 1]?.pos ?? '')) return true;
    if (t.norm === 'us' && i > 0 && toks[i - 1]!.pos === 'VERB') return true;
    if (t.norm !== 'we' && t.norm !== 'i') return false;
    const next = toks.slice(i + 1, i + 4);
    return next.some((n) => n.pos === 'VERB' && n.lemma !== n.norm && !['feel', 'think', 'hear', 'understand', 'know', 'see', 'hope', 'want'].includes(n.lemma)) || next.some((n) => ['should', 'never'].includes(n.norm));
  });
}

const realApology: Detector = {
  id: 'real-apology',
  skill: 'apologizing',
  principle: 'P15',
  empathy: true,
  find(r) {
    const apologies = findAll(r, new RegExp(APOLOGY)).filter((m) => !negatedAt(r, m));
    const nonApologies = NON_APOLOGY.flatMap((p) => findAll(r, new RegExp(p)));
    const owning = new RegExp(
      `\\b(?:i|we) (?:have |had |did |was |were |am |are )?(?:not )?(?:${words([
        'charged', 'sent', 'gave', 'told', 'got', 'made', 'missed', 'lost', 'forgot', 'failed', 'let', 'should', 'did', 'put',
        'took', 'kept', 'left', 'messed', 'mixed', 'cancelled', 'canceled', 'booked', 'delivered', 'promised', 'said', 'dropped',
        'overcharged', 'blocked', 'locked', 'caused', 'broke', 'damaged', 'delayed', 'mislabelled', 'mislabeled', 'posted',
        'misread', 'ignored', 'did not', 'have not', 'had not', 'never', 'owe', 'got it wrong', 'gave you', 'sent you',
      ])})\\b|\\b(?:our|my) (?:${words([
        'mistake', 'fault', 'error', 'end', 'side', 'system', 'team', 'driver', 'courier', 'staff', 'technician', 'engineer',
        'colleague', 'process', 'letter', 'email', 'website', 'app', 'oversight', 'part', 'doing', 'responsibility', 'slip',
        'bad', 'shop', 'store', 'branch', 'delivery', 'failure',
      ])})\\b|\\b(?:that|this|it) (?:was|is) (?:on us|on me|down to us|down to me|our fault|my fault|our mistake|my mistake|our error|my error|not good enough|not okay|not ok|unacceptable)\\b|\\blet you down\\b|\\bgot (?:this|that|it) wrong\\b|\\bdropped the ball\\b|\\bshould have\\b|\\bshould not have\\b|\\bshould never have\\b`,
    );
    const spans: Span[] = [];
    for (const a of apologies) {
      if (nonApologies.some((n) => n.first <= a.last && a.first <= n.last)) continue;
      // "sorry to hear" is sympathy; it owns nothing.
      if (/^(?:sorry|apologies) to (?:hear|learn|see|read)/.test(r.flat.slice(r.flatStart[a.first]!))) continue;
      const sentence = r.tokens[a.first]!.sentence;
      const near = r.sentences[sentence]!;
      const neighbour = r.sentences[sentence + 1];
      const scope = r.flat.slice(
        r.flatStart[near.firstToken]!,
        neighbour && neighbour.lastToken - a.first < 30 ? r.flatStart[neighbour.lastToken]! + r.tokens[neighbour.lastToken]!.norm.length : r.flatStart[near.lastToken]! + r.tokens[near.lastToken]!.norm.length,
      );
      const before = sentence > 0 ? sentenceText(r, sentence - 1) : '';
      if (owning.test(scope) || owning.test(before) || ownsInSentence(r, sentence) || /(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|our|my|this|that|all the|keeping|not|sending|giving|making|charging|missing|losing|taking|the way|how)/.test(scope)) {
        spans.push(span(a));
      }
    }
    if (spans.length === 0) return [];
    return [{ delta: 2, spans, note: 'A real apology: you owned what went wrong, which is what lets them stop arguing the point.' }];
  },
};

const blamesCustomer: Detector = {
  id: 'blames-customer',
  skill: 'apologizing',
  principle: 'P15',
  find(r) {
    const patterns = [
      `you (?:should|ought to|could|would|might) (?:have|not have|really have)`,
      `you (?:did not|failed to|forgot to|neglected to|never|have not|had not|omitted to)(?! (?:do anything wrong|do anything|break anything|broken anything|done anything|cause|caused|get|receive|hear|see|need|have to))`,
      `you (?:people |lot )?never (?:read|check|listen|look)`,
      `(?:was|is) (?:entirely |totally |really |always |clearly )?your (?:responsibility|fault|mistake|job|problem|lookout)`,
      `(?:that|this|it) is (?:really |entirely |totally |actually )?(?:your|on your) (?:fault|responsibility|problem|mistake|issue|error|side|end|lookout)`,
      `(?:that|this|it) is on you`,
      `if you had (?:read|checked|looked|followed|called|told|paid|cancelled|canceled|kept|updated|entered|been)`,
      `you were (?:supposed|meant|told|asked|advised|warned|required) to`,
      `you must have (?!been|had|felt|thought|wondered|worried)[a-z]+`,
      `(?:you need to|next time ,? you should|you should) (?:read|check) (?:the|your) (?:terms|small print|email|emails|instructions)`,
      `(?:as|like) (?:you were|you have been) (?:told|warned|informed|advised)`,
      `(?:the|our) (?:terms|rules|instructions) (?:you agreed|were clear|are clear|clearly state)`,
      `your (?:own )?(?:fault|mistake|error)`,
      `you (?:clearly |obviously )?(?:did|entered|typed|put|booked|selected|chose|ordered|gave) (?:it|the|this|that)? ?(?:wrong|incorrectly|wrongly)`,
      `user error`,
    ];
    const hits = patterns
      .flatMap((p) => findAll(r, new RegExp(p)))
      .filter((m) => !negatedAt(r, m, false))
      .filter((m) => {
        const sentence = sentenceText(r, r.tokens[m.first]!.sentence);
        // "you should have it by Friday" is a promise about a parcel, not a reproach.
        if (/^you (?:should|ought to) have (?:it|them|one|this|that|the [a-z]+|your [a-z]+|received|got|heard)(?: [a-z]+){0,3} (?:by|within|in the next|tomorrow|today|shortly|soon)\b/.test(r.flat.slice(r.flatStart[m.first]!))) return false;
        // Said to clear them, not to blame them.
        if (/\b(?:not|never|no one is|nobody is|isn't) (?:saying|suggesting|blaming|implying)\b|\bnot your (?:fault|mistake)\b|\bthrough no fault\b/.test(sentence)) return false;
        // "you didn't get the email because we never sent it" describes our failure.
        if (/\bbecause (?:we|i|our|my|the system|it)\b/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[r.sentences[r.tokens[m.first]!.sentence]!.lastToken]! + 1))) return false;
        return true;
      });
    if (hits.length === 0) return [];
    return [{ delta: -2, spans: dedupe(hits.map(span)), note: 'This puts the fault on them. Even when they slipped, blame makes them defend themselves instead of working with you.' }];
  },
};

const yesBut: Detector = {
  id: 'yes-but',
  skill: 'language',
  principle: 'P21',
  find(r) {
    const acks = [
      ...findAll(
        r,
        /(?:i|we) (?:completely |totally |really |fully |do |absolutely |can )?(?:understand|hear|see|get|appreciate|know|realise|realize|agree|accept|recognise|recognize|respect|take your point|take the point)|i hear you|(?:that|this|it) (?:makes sense|is fair|is a fair point|is understandable|is true)|you are (?:right|absolutely right|quite right|not wrong)|i know (?:this|that|it) is|i do understand/,
      ).filter((m) => !['if', 'so', 'that'].includes(r.tokens[m.first - 1]?.norm ?? '')),
      // Interjections acknowledge only at the start of a sentence: "Yes, but…", not "just so I'm absolutely clear".
      ...findAll(r, /yes|yeah|sure|of course|absolutely|understood|granted|point taken|fair enough|fair point|no doubt|i am sure|i am aware/).filter(
        (m) => m.first === r.sentences[r.tokens[m.first]!.sentence]!.firstToken || /^(?:oh|well|ok|okay|look|right)$/.test(r.tokens[m.first - 1]?.norm ?? ''),
      ),
    ].filter((m) => !negatedAt(r, m));
    const buts = findAll(r, /but|however|although|though|yet/).filter((m) => {
      const next = r.tokens[m.last + 1]?.norm;
      const prev = r.tokens[m.first - 1]?.norm;
      // "not only … but also", "all but", "anything but", "as though", "even though" are not the dismissive turn.
      if (next === 'also' || prev === 'all' || prev === 'anything' || prev === 'as' || prev === 'even' || prev === 'nothing') return false;
      if (r.tokens[m.first]!.norm === 'yet' && !(prev === ',' || prev === '.' || m.first === r.sentences[r.tokens[m.first]!.sentence]!.firstToken)) return false;
      return true;
    });
    const spans: Span[] = [];
    for (const b of buts) {
      const ack = acks.find((a) => a.last < b.first && b.first - a.last <= 25 && (sameSentence(r, a.first, b.first) || (r.tokens[b.first]!.sentence === r.tokens[a.first]!.sentence + 1 && r.sentences[r.tokens[b.first]!.sentence]!.firstToken === b.first)));
      if (ack) spans.push({ start: r.tokens[ack.first]!.start, end: r.tokens[b.last]!.end });
    }
    if (spans.length === 0) return [];
    return [{ delta: -1, spans, note: '"…but" takes back the acknowledgement before it. Try "and", or ask them to tell you more.' }];
  },
};

const FEAR_LEMMAS = [
  'risk', 'prohibit', 'prohibited', 'violation', 'violate', 'penalty', 'penalise', 'penalize', 'breach', 'liable', 'liability',
  'forbid', 'forbidden', 'threat', 'threaten', 'sanction', 'non-compliance', 'noncompliance', 'infringe', 'infringement',
  'forfeit', 'terminate', 'termination', 'legal action', 'prosecute', 'prosecution', 'blacklist', 'blacklisted', 'default',
  'seize', 'repossess', 'repossession', 'bailiff', 'bailiffs', 'debt collector', 'debt collectors', 'court', 'suspend', 'suspension',
];
const fearWords: Detector = {
  id: 'fear-words',
  skill: 'language',
  principle: 'P21',
  find(r) {
    const spans: Span[] = [];
    r.tokens.forEach((t, i) => {
      if (!FEAR_LEMMAS.includes(t.lemma) && !FEAR_LEMMAS.includes(t.norm)) return;
      // "at the risk of sounding…" is a turn of phrase, not a threat.
      if (t.norm === 'risk' && r.tokens[i - 1]?.norm === 'the' && r.tokens[i - 2]?.norm === 'at') return;
      if (t.norm === 'court' && !['to', 'in'].includes(r.tokens[i - 1]?.norm ?? '')) return;
      if (t.norm === 'default' && t.pos !== 'NOUN' && r.tokens[i - 1]?.norm !== 'in') return;
      spans.push({ start: t.start, end: t.end });
    });
    for (const m of findAll(r, /legal action|debt collectors?/)) spans.push(span(m));
    if (spans.length === 0) return [];
    return [{ delta: -1, spans: dedupe(spans), note: 'Words like these sound like a threat and shut people down. Say what happens in plain, calm words.' }];
  },
};

const JARGON = [
  'ticket', 'tickets', 'ticketing', 'sla', 'slas', 'escalate', 'escalated', 'escalation', 'escalations', 'tier 1', 'tier 2',
  'tier 3', 'tier one', 'tier two', 'tier three', 'second line', 'first line', 'queue', 'backend', 'back end', 'back-end',
  'rma', 'kyc', 'aml', 'chargeback', 'charge-back', 'pre-authorisation', 'pre-authorization', 'preauthorisation',
  'preauthorization', 'pre-auth', 'preauth', 'authorisation hold', 'authorization hold', 'ledger', 'provisioning',
  'provisioned', 'sku', 'skus', 'batch run', 'batch job', 'batch process', 'batch', 'disposition', 'case id', 'case ref',
  'case reference', 'workflow', 'api', 'crm', 'sync', 'resync', 'cache', 'controller fault', 'fault code', 'error code',
  'node', 'mid', 'bacs', 'chaps', 'clearing', 'settlement', 'settlement file', 'merchant id', 'merchant category',
  'reconciliation', 'reconcile', 'pending reversal', 'auth code', 'dispute flag', 'flagged', 'ops', 'triage', 'triaged',
  'fulfilment', 'fulfillment', 'depot scan', 'manifest', 'consignment', 'last mile', 'carrier', 'pod', 'dpd', 'hub',
  'work order', 'job sheet', 'backorder', 'back order', 'back-ordered', 'stock code', 'mpan', 'ppm', 'cpe', 'ont',
  'firmware', 'otp', 'mfa', '2fa', 'auth', 'token', 'credentials', 'deprecated', 'ivr', 'ccd', 'ref', 'raise a case',
  'incident', 'p1', 'p2', 'diagnostic', 'diagnostics', 'first-line', 'second-line', 'sev', 'cso', 'kpi', 'eta', 'dd', 'so',
];
const JARGON_SET = new Set(JARGON.filter((j) => !j.includes(' ')));
const JARGON_PHRASES = JARGON.filter((j) => j.includes(' '));
// Common words that are spelt the same as a term in the list.
const NOT_JARGON_ALONE = new Set(['so', 'mid', 'hub', 'pod', 'ref', 'dd', 'auth', 'token', 'sync', 'node', 'carrier', 'batch', 'incident', 'clearing', 'settlement', 'flagged', 'queue']);

const jargon: Detector = {
  id: 'jargon',
  skill: 'language',
  principle: 'P9',
  find(r, ctx) {
    const theirs = new Set((ctx.customerLine ?? '').toLowerCase().split(/[^a-z0-9-]+/));
    const spans: Span[] = [];
    r.tokens.forEach((t, i) => {
      const word = t.norm;
      const acronym = /^[A-Z]{3,5}s?$/.test(t.text) && !COMMON_ACRONYMS.has(t.text.replace(/s$/, ''));
      const listed = JARGON_SET.has(word) && !NOT_JARGON_ALONE.has(word);
      const contextual =
        (word === 'queue' && ['NOUN', 'PROPN'].includes(r.tokens[i - 1]?.pos ?? '') && !['phone', 'telephone', 'call'].includes(r.tokens[i - 1]!.norm)) ||
        (word === 'flagged' && ['system', 'auto', 'automatically'].includes(r.tokens[i - 1]?.norm ?? '')) ||
        ((word === 'batch' || word === 'batches') && ['run', 'job', 'process', 'overnight', 'nightly', 'weekly', 'daily', 'monthly'].some((w) => r.tokens[i + 1]?.norm === w || r.tokens[i - 1]?.norm === w)) ||
        (word === 'sync' && ['the', 'a', 'to', 'resync'].includes(r.tokens[i - 1]?.norm ?? '') && r.tokens[i - 1]?.norm !== 'in');
      if ((acronym || listed || contextual) && !theirs.has(word)) spans.push({ start: t.start, end: t.end });
    });
    const line = (ctx.customerLine ?? '').toLowerCase();
    for (const m of findAll(r, new RegExp(words(JARGON_PHRASES)))) if (!line.includes(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length))) spans.push(span(m));
    // Codes the customer would not know: "E-07 means…", "status code 4".
    for (const m of findAll(r, /(?:code|status|error|reference|ref) [a-z]?-?\d[\w-]*/)) spans.push(span(m));
    if (spans.length === 0) return [];
    return [{ delta: -1, spans: dedupe(spans), note: 'Internal terms make them feel like an outsider. Use the words they used.' }];
  },
};
const COMMON_ACRONYMS = new Set(['OK', 'ID', 'UK', 'US', 'USA', 'EU', 'PIN', 'ATM', 'TV', 'PDF', 'SMS', 'USB', 'AM', 'PM', 'GP', 'NHS', 'DIY', 'ASAP', 'FAQ', 'CEO', 'BBC', 'IT', 'I', 'PC', 'HR', 'VAT', 'MOT', 'A', 'BST', 'GMT', 'DM', 'NB', 'PS', 'UPS', 'DHL', 'BT', 'A&E', 'CV', 'GCSE', 'MP', 'IOU', 'RSVP', 'VIP']);

// Verbs that follow "I'll" or "I've" without promising any work: feelings, hopes and "I'll try".
const NOT_ACTIONS = new Set([
  'be', 'have', 'hear', 'see', 'notice', 'try', 'think', 'feel', 'know', 'understand', 'read', 'wonder', 'hope', 'want', 'like',
  'love', 'need', 'forget', 'lose', 'miss', 'sit', 'spend', 'experience', 'wait', 'guess', 'imagine', 'say', 'admit', 'bet',
  'remember', 'believe', 'suppose', 'expect', 'seem', 'let', 'do', 'will', 'would', 'can', 'could', 'must', 'may', 'might',
  'worry', 'mind', 'live', 'play', 'agree', 'appreciate', 'apologise', 'apologize', 'go', 'get', 'come', 'own',
]);

const commitsAction: Detector = {
  id: 'commits-action',
  skill: 'ownership',
  principle: 'P17',
  find(r) {
    const inStory = (m: Match) => isOwnExperience(r, r.tokens[m.first]!.sentence);
    const hits: Match[] = [];
    const frames = [
      // I'll / I will / I'm going to / I shall + (adverbs) + a verb of doing
      /i (?:will|am going to|am gonna|shall|am about to|will be able to)(?: (?:personally|now|also|just|first|then|straight|right|quickly|immediately|go and|make sure (?:i|to)|definitely|gladly|happily))* ([a-z-]+)/,
      // let me + verb (not "let me know", which asks them to act)
      /let me(?: (?:just|quickly|now|personally|first|go and))* ([a-z-]+)/,
      // I've (just) done it
      /i have(?: (?:just|now|already|also|personally|gone ahead and))* ([a-z-]+)/,
      // I'm doing it
      /i am(?: (?:just|now|currently|personally|already|also))* ([a-z]+ing)/,
      // I can do it now
      new RegExp(`i (?:can|could) ([a-z-]+) (?:[a-z']+ ){0,4}(?:${WHEN})`),
      /what i (?:will|am going to|can) do (?:is|now is|right now is)|i am on the phone to/,
      /i (?:just |also |then )?(sent|booked|refunded|reversed|cancelled|canceled|called|emailed|arranged|ordered|raised|credited|issued|processed|logged|unlocked|moved|fixed|added|changed|rebooked|switched|paused|renewed|released|reopened|reinstated|waived|removed|resent|attached|increased|updated|corrected|upgraded|extended|traced|found)/,
    ];
    for (const f of frames) {
      for (const m of findAll(r, f)) {
        const verbAt = m.groups[0] ? r.tokens.slice(m.first, m.last + 1).find((t) => t.norm === m.groups[0] || t.norm.endsWith(` ${m.groups[0]}`)) : undefined;
        const verb = verbAt?.lemma ?? m.groups[0];
        const after = r.flat.slice(r.flatStart[m.last]!, r.flatStart[m.last]! + 30);
        // A few everyday verbs are work only with an object: "get you a replacement", "have a look", "go through it".
        const worksHere = /^(?:get|getting|got) (?:you|it|this|that|a|an|the|your|him|her|them)\b|^(?:have|take|had|taken|having|taking) a (?:look|quick look)|^(?:go|going|gone) (?:through|over|and)|^(?:see|seeing) (?:your|the|if [a-z]+ can)/.test(after);
        if (verb && NOT_ACTIONS.has(verb) && !worksHere) continue;
        if (verb === 'know' || (verbAt && !['VERB', 'AUX', 'NOUN', 'ADJ', 'PROPN'].includes(verbAt.pos))) continue;
        if (negatedAt(r, m, false) || inStory(m)) continue;
        if (/\b(?:not|never|try|might|may|maybe|perhaps|hope)\b/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + 1))) continue;
        // "I'll see if…", "I'll have to…" are not promises.
        if (/^(?:see|have to|need to|be in touch|look into whether)/.test(r.flat.slice(r.flatStart[m.last]!))) continue;
        hits.push(m);
      }
    }
    if (hits.length === 0) return [];
    const withWhen = hits.some((m) => new RegExp(`\\b${WHEN}\\b|\\bby \\d|\\bat \\d|\\bon \\d|\\bwithin\\b|\\bin (?:the next )?(?:\\d+|an?|one|two|five|ten|fifteen|twenty|thirty) (?:minutes?|hours?|days?)\\b`).test(sentenceText(r, r.tokens[m.first]!.sentence)));
    return [
      {
        delta: withWhen ? 2 : 1,
        spans: dedupe(hits.map(span)),
        note: withWhen ? 'A concrete next step with a when: they know what happens and can stop chasing.' : 'A concrete next step. Add when it will happen and they can stop chasing.',
      },
    ];
  },
};

const vagueHandoff: Detector = {
  id: 'vague-handoff',
  skill: 'ownership',
  principle: 'P17',
  find(r) {
    const patterns = [
      `(?:someone|somebody|a colleague|one of (?:my|our) colleagues|one of the team|a member of (?:the|our) (?:team|staff)|a member of staff|an? (?:advisor|adviser|agent|engineer|manager|specialist|supervisor)|someone from [a-z ]{1,20}|the (?:relevant |right |appropriate )?(?:team|department|people|person)|(?:our|the) [a-z]+ (?:team|department)|they) (?:will|should|can|may|might|is going to|are going to) (?:be able to )?(?:get back|be in touch|call|contact|look|reach out|review|deal|follow up|come back|ring|email|investigate|pick)`,
      `(?:it|this|that|your [a-z]+|the matter|the issue|an? (?:ticket|case|request|report|complaint|referral|note))(?: has| have| is| was)? (?:been )?(?:passed|forwarded|sent|escalated|referred|logged|raised|noted|handed)(?: (?:on|over|up))?(?: to [a-z ]{0,30}(?:team|department|colleagues))?`,
      `(?:it|this|that|your [a-z]+|the matter|they) (?:will|should|may|might|is going to|are going to) be (?:looked into|investigated|reviewed|dealt with|handled|sorted|passed on|picked up|followed up|resolved|addressed|actioned|processed|progressed|escalated|assessed|considered)`,
      `(?:we will|you will be) (?:notify|notified|update|updated|inform|informed|let you know|contact|contacted) (?:you )?(?:when|once|if|as soon as|in due course)`,
      `you (?:will|would|may|might) (?:need to|have to|want to) (?:call|contact|ring|phone|email|speak to|talk to|write to|get in touch with|reach out to|go to)`,
      `in due course`,
      `you (?:will|should|may) hear (?:from us|back|from them|from someone)`,
      `(?:i will|i can|let me) (?:pass|forward|send) (?:this|it|that|your [a-z]+) (?:on|over|along)`,
      `not (?:my|our) department`,
      `(?:bear with us|we are looking into it|we will look into it|we will be in touch|we will get back to you)`,
      `as soon as (?:possible|we can|they can)`,
    ];
    const hits = patterns.flatMap((p) => findAll(r, new RegExp(p)));
    if (hits.length === 0) return [];
    return [{ delta: -1, spans: dedupe(hits.map(span)), note: 'No owner and no time: they hear "wait and hope". Say who does what, and by when.' }];
  },
};

const recaps: Detector = {
  id: 'recaps',
  skill: 'personalizing',
  principle: 'P16',
  find(r) {
    const hits = findAll(
      r,
      /if i (?:have|'ve)? ?(?:got|understood|understand|heard|followed) (?:you |this |that |it |all that |everything )?(?:right|correctly|properly)?|if i am (?:following|hearing|reading|understanding) (?:you|this|that)(?: right| correctly)?|just (?:to|so i can) (?:check|confirm|make sure|be clear|be sure|recap|double-check)|(?:just )?so (?:that )?i am (?:absolutely |completely |totally |quite )?(?:clear|sure|following|certain|with you|understanding)|(?:so that|just so) i (?:am sure )?(?:i )?(?:have|'ve) (?:got )?(?:this|that|it|everything)? ?(?:right|straight|understood)|just so (?:i have|we are) (?:clear|got it|on the same page|straight)|so i am clear|let me (?:just )?(?:make sure|check|confirm|see if) (?:i|i have|i've|that i)(?: have| 've)? ?(?:understood|understand|got|heard|followed)|let me (?:just )?(?:play|read|say|repeat|run) (?:that|it|this|everything|all that|what you said) back|so what you are (?:saying|telling me) is|to recap|to sum up|to summari[sz]e|in other words|so (?:to|just to) (?:check|confirm)|correct me if i am wrong|tell me if i (?:have|'ve) got (?:this|that|it) wrong|am i right (?:in thinking|that|to say)|to make sure i (?:have |'ve )?(?:understood|understand|got)|have i got (?:that|this|it|everything) right|did i get (?:that|this|it|everything) right|is that right \?|let me see if i (?:have|'ve) got|so if i (?:have|'ve)? ?got this straight|let me get this straight|so , (?:if i|to check|just to)|what i am hearing is|what i have (?:heard|understood) is|so from what you have said|so (?:you|it) (?:are saying|sounds like)/,
    );
    if (hits.length === 0) return [];
    return [{ delta: 1, spans: dedupe(hits.map(span)), note: 'Checking you have it right shows you listened, and catches a misunderstanding early.' }];
  },
};

const LUMP_PATTERNS = [
  `(?:everyone|everybody|all (?:our|the|my) customers|all of them|they all|people always|customers always) (?:does|do|says|say|makes|make|has|have|is|are|forgets|forget|gets|get|asks|ask|calls|call|thinks|think|falls|fall|complains|complain|tries|try|misses|miss|panics|panic|ends up|end up)`,
  `we (?:get|see|hear|have|receive|deal with) (?:this|that|these|it|this sort of thing|this kind of thing|that kind of thing|that one|this one|(?:loads|hundreds|lots|a lot|plenty|dozens) of (?:these|those|them|[a-z]+ like (?:this|that|yours))|[a-z]+ like (?:this|that|yours))(?: all the time| every day| every week| constantly| daily| non-stop| all day| a lot| at this time of year| every single day)`,
  `we (?:get|receive|see|deal with) (?:loads|hundreds|lots|a lot|plenty|dozens|so many) of [a-z]+ like (?:this|that|yours)`,
  `(?:a|another|one) (?:customer|lady|gentleman|man|woman|parent|caller|client|chap|guy|family|couple|student|tenant|patient|passenger|rider|driver|mum|dad) (?:[a-z0-9]+ ){0,4}(?:had|was|did|lost|said|called|rang|came|wrote|got|made|left|asked|tried|complained|phoned|emailed)`,
  `(?:with|from|for) an? (?:mr|mrs|ms|miss|dr) [a-z]+`,
  `(?:everyone|everybody) (?:'s|is|are) (?:waiting|in the same|having|getting|dealing)`,
  `you people|customers like you|people like you|your sort|your type|you lot`,
  `(?:i|we) (?:had|spoke to|dealt with|saw|got) (?:a|another|one|this|the same) (?:lady|man|gentleman|woman|customer|chap|guy|caller|bloke|girl|fella|couple|family|client|person|student|pensioner|mum|dad|old boy|old dear) (?:this morning|earlier|yesterday|last week|just now|today|who|in|on|before you|that|from)`,
  `(?:another|one of (?:our|my) other|the last|the previous) (?:customer|caller|client|lady|gentleman|man|woman|chap|guy)(?: |$)`,
  `(?:the (?:lady|man|gentleman|woman|chap|guy|customer|person|couple) (?:before you|ahead of you|earlier|this morning|in the queue|on the phone))`,
  `(?:mr|mrs|ms|miss) [a-z]+ (?:from|down|up|over|round|at|in) (?:the|number|no|on)`,
  `(?:hundreds|thousands|dozens|loads|tons) of (?:people|customers|calls|callers|you) (?:a|every|each|per) (?:day|week|month)`,
  `you are (?:just )?(?:one of|like) (?:many|all the others|everyone else|the rest)`,
  `(?:it|this|that) happens to everyone`,
  `(?:everyone|everybody) (?:does|makes|has done|has made|falls for) (?:that|this|it|the same)`,
];
const lumpsTogether: Detector = {
  id: 'lumps-together',
  skill: 'normalizing',
  principle: 'P25',
  find(r) {
    const hits = LUMP_PATTERNS.flatMap((p) => findAll(r, new RegExp(p))).filter((m) => !negatedAt(r, m));
    if (hits.length === 0) return [];
    return [{ delta: -1, spans: dedupe(hits.map(span)), note: '"Everyone does it", or another customer\'s story, makes them one of a crowd, and tells them you will talk about them next.' }];
  },
};

const normalizes: Detector = {
  id: 'normalizes',
  skill: 'normalizing',
  principle: 'P25',
  empathy: true,
  find(r) {
    const hits = findAll(
      r,
      /more (?:often |common |usual )?than you (?:would|might|may) (?:think|expect|imagine|realise|realize)|(?:completely|totally|perfectly|entirely|very|so|really) understandable|you are in good company|happens to the best of us|(?:trips?|catch(?:es)?|confuses?|throws?|fools?|catches) (?:up |out )?(?:a lot of|lots of|loads of|many|plenty of|so many|most) (?:people|folk|folks|[a-z]+s)|(?:lots|plenty|a lot|loads|many|most) of (?:[a-z]+ )?[a-z]+s (?:find|get|go through|do|make|miss|struggle|are|feel|have|trip|worry|mix|forget|ask|end up|notice|see|hit|run into|come)|(?:that|this|it) happens (?:(?:a lot )?more (?:often )?than you (?:would|'d|might) think|more often than (?:people|you) (?:think|realise|realize|imagine)|a lot|quite a lot|more than you know|to (?:lots|plenty|a lot) of people|to the best of us)|(?:it is|that is|this is|which is|it was|that was|it is a|that is a|it is such a|that is such a|it is an|that is an) (?:really |very |quite |so |completely |perfectly |totally |entirely |such |an |a )*(?:common|normal|understandable|natural|easily done|easy (?:one|thing|mistake) to (?:make|do|miss)|easy mistake|honest mistake|common mistake|common one|normal reaction|natural reaction|reasonable)|easily done|(?:an )?easy (?:mistake|thing|one) to (?:make|do|miss|slip)|(?:lots|plenty|a lot|loads|many) of (?:people|customers|folk|folks|first-time buyers|parents|students|new owners|riders|drivers|travellers|travelers|homeowners) (?:find|get|do|make|miss|struggle|are|feel|have|trip|worry|mix|forget|ask|go|end up)|you are (?:not|far from|definitely not|certainly not|by no means) (?:the )?(?:first|only)|you are not alone|(?:please )?(?:do not|try not to) (?:be (?:so )?hard on yourself|beat yourself up|blame yourself|feel bad|feel silly|feel stupid|feel foolish|feel embarrassed|kick yourself)|no need to (?:apologi[sz]e|feel bad|feel silly|be embarrassed|feel embarrassed|blame yourself|feel stupid|worry about that)|nothing to (?:be )?(?:embarrassed|ashamed|feel bad|feel silly|apologi[sz]e)(?: about| for)?|(?:it|that|this) (?:could|can) happen to (?:anyone|anybody|any of us)|(?:it|that) catches (?:a lot of|lots of|plenty of|many) people out|a lot of people (?:feel|find|do) (?:the same|that)|(?:that|this) is (?:a )?(?:very )?(?:common|normal|usual) (?:question|worry|concern|feeling|thing|reaction|mix-up|slip)|perfectly (?:normal|natural|reasonable|understandable)|makes (?:complete |total |perfect )?sense (?:to feel|that you)|anyone (?:could|can|might) (?:have )?(?:miss|missed|make|made|do|done|forget|forgotten|mix|mixed)|(?:you|i) would not be the first|(?:this|that|it) trips (?:a lot of|lots of|many|plenty of) people up/,
    ).filter((m) => !negatedAt(r, m) || /do not|no need|nothing to|not alone|not the|try not|far from|by no means|would not be/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + 20)));
    const lumps = LUMP_PATTERNS.flatMap((p) => findAll(r, new RegExp(p)));
    const own = hits.filter((h) => !lumps.some((l) => l.first <= h.last && h.first <= l.last));
    if (own.length === 0) return [];
    return [{ delta: 1, spans: dedupe(own.map(span)), note: 'Telling them it is common lifts the embarrassment without making them one of a crowd.' }];
  },
};

const PAST = '(?:had|was|were|went|did|got|lost|forgot|missed|broke|died|failed|moved|bought|spent|waited|paid|ended|took|sent|left|dropped|happened|crashed|flooded|froze|came|sat|cried|chased|rang|called|booked|tried|needed|found|gave|kept|nearly|almost|once|used to)';
const AGO = '(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|a few|few|couple of|a couple of) (?:years?|months?|weeks?|days?) ago|last (?:year|month|week|weekend|spring|summer|autumn|fall|winter|christmas|easter|night|time)|(?:in|this) (?:january|february|march|april|may|june|july|august|september|october|november|december)|when i was)';

/** Sentences where the rep starts a story of their own: something that happened to them, or a close family member. */
const STORY_TRIGGERS = [
  `(?:the )?(?:very )?same (?:thing )?(?:happened|happens|went wrong) (?:to me|with my|to my|on my|with mine|to mine|with our|to us)`,
  `(?:that|this|it) (?:happened|has happened) to (?:me|my|us)`,
  `i (?:have |'ve )?(?:had|went through|did) (?:the same|a similar|exactly (?:the same|that|this)|that (?:same|exact)|the exact same|my (?:first|own)|one (?:of those|like that))`,
  `(?:my own|mine|my [a-z]+) (?:[a-z]+ ){0,3}${PAST}\\b.*\\b(?:same|too|as well|myself|${AGO})`,
  `(?:my own|mine) (?:[a-z]+ ){0,2}${PAST}`,
  `i (?:have|'ve) been (?:there|through (?:it|that|this|the same)|in (?:the same|exactly|your|that|a similar))`,
  `been there (?:myself|too|before)`,
  `when (?:i|my (?:own )?[a-z]+) (?:first )?${PAST}`,
  `i (?:[a-z]+ ){0,6}(?:myself|too|as well)\\b.*${AGO}|i ${PAST} (?:[a-z']+ ){0,8}${AGO}|${AGO} ,? (?:i|my)\\b`,
  `i remember (?:when|being|feeling|how|crying|standing|sitting)`,
];

interface Story {
  spans: Span[];
  words: number;
  sentences: number;
}

const FIRST_PERSON = new Set(['i', 'i am', 'i have', 'i would', 'i will', 'my', 'mine', 'me', 'myself']);
// A sentence about the work being done for the customer, which ends a story and never starts one.
const WORK = /(?:^|, )(?:let me|let us)\b|\b(?:i will (?!never|not|always|still)|i am going to|i can|we will|we can|i am (?!still)(?:just |now )?[a-z]+ing\\b|i am on the phone|i have (?:just |now )?(?:booked|ordered|sent|checked|added|arranged|put|moved|found|released|removed|raised|logged|made|reset|processed|refunded|cancelled|canceled|credited|changed|updated|emailed|called))\b/;
const PAST_WORDS = new Set(PAST.slice(3, -1).split('|').filter((w) => !['once', 'nearly', 'almost', 'used to'].includes(w)));
const STORY_MARKER = new RegExp(`\\b(?:too|as well|myself|same|similar|once|actually|my own|mine|ours|at home|the feeling|before|${AGO})\\b`);

/** A sentence where the rep tells of something that happened to them (not an action for the customer). */
function isOwnExperience(r: Reading, sentence: number): boolean {
  const s = r.sentences[sentence]!;
  const toks = r.tokens.slice(s.firstToken, s.lastToken + 1);
  const text = sentenceText(r, sentence);
  if (!toks.some((t) => FIRST_PERSON.has(t.norm))) return false;
  const past = toks.some((t) => PAST_WORDS.has(t.norm) || (t.pos === 'VERB' && /ed$/.test(t.norm) && t.lemma !== t.norm) || t.norm === 'i have' && /\bi have been\b/.test(text));
  if (!past || !STORY_MARKER.test(text)) return false;
  if (WORK.test(text)) return false;
  // "I've reset your password too" is the work, not a story; "the same happened to me" is a story whatever follows.
  return !/\b(?:you|your)\b/.test(text) || /\b(?:same|similar|my own|happened to me|mine)\b/.test(text);
}

const storiesOf = new WeakMap<Reading, Story[]>();

/** The rep's own stories: the sentence that starts each and the ones after it that stay with the rep. */
function ownStories(r: Reading): Story[] {
  let stories = storiesOf.get(r);
  if (!stories) storiesOf.set(r, (stories = findStories(r)));
  return stories;
}

function findStories(r: Reading): Story[] {
  const lumps = LUMP_PATTERNS.flatMap((p) => findAll(r, new RegExp(p)));
  const lumped = new Set(lumps.map((l) => r.tokens[l.first]!.sentence));
  const startAt = new Map<number, number>();
  for (const m of STORY_TRIGGERS.flatMap((p) => findAll(r, new RegExp(p)))) {
    const sentence = r.tokens[m.first]!.sentence;
    // "if it were me", "I would have" are not stories.
    if (/\b(?:if|would)\b/.test(r.flat.slice(r.flatStart[r.sentences[sentence]!.firstToken]!, r.flatStart[m.first]!))) continue;
    startAt.set(sentence, Math.min(startAt.get(sentence) ?? Infinity, m.first));
  }
  r.sentences.forEach((sen, i) => {
    if (!startAt.has(i) && isOwnExperience(r, i)) startAt.set(i, r.tokens.slice(sen.firstToken, sen.lastToken + 1).findIndex((t) => FIRST_PERSON.has(t.norm)) + sen.firstToken);
  });
  const stories: Story[] = [];
  let coveredUntil = -1;
  for (const [first, firstToken] of [...startAt].sort((a, b) => a[0] - b[0])) {
    if (first <= coveredUntil || lumped.has(first)) continue;
    let last = first;
    while (last + 1 < r.sentences.length) {
      const next = sentenceText(r, last + 1);
      // The story ends where the rep turns back to the customer or to the work.
      const aboutRep = /\b(?:i|my|me|mine|myself|we|our|us)\b/.test(next);
      const toCustomer = /\b(?:your|yours|yourself)\b/.test(next) || (/\byou\b/.test(next) && !aboutRep);
      const turnsBack =
        toCustomer ||
        /^(?:anyway|right|now|ok|okay|so|let|please|kind regards|best|yours|thanks|thank|what|how|can|could|would|shall|do|is|are)\b/.test(next) ||
        WORK.test(next);
      if (turnsBack) break;
      last++;
    }
    coveredUntil = last;
    const words = r.tokens.filter((tok) => tok.sentence >= first && tok.sentence <= last && tok.start >= r.tokens[firstToken]!.start && /\w/.test(tok.text)).length;
    stories.push({ spans: [{ start: r.tokens[firstToken]!.start, end: r.sentences[last]!.end }], words, sentences: last - first + 1 });
  }
  return stories;
}

const OVERSHARE_WORDS = 45;
const relates: Detector = {
  id: 'relates',
  skill: 'relating',
  principle: 'P23',
  empathy: true,
  find(r) {
    const brief = ownStories(r).filter((s) => s.sentences <= 2 && s.words <= OVERSHARE_WORDS);
    if (brief.length === 0) return [];
    return [{ delta: 1, spans: brief.flatMap((s) => s.spans), note: 'A short story of your own says "I know this one", then hands the conversation back.' }];
  },
};

const overshares: Detector = {
  id: 'overshares',
  skill: 'relating',
  principle: 'P23',
  find(r) {
    const long = ownStories(r).filter((s) => s.sentences > 2 || s.words > OVERSHARE_WORDS);
    if (long.length === 0) return [];
    return [{ delta: -1, spans: long.flatMap((s) => s.spans), note: 'Your story has taken over their call. Keep it to a sentence, then come back to them.' }];
  },
};

const congratulates: Detector = {
  id: 'congratulates',
  skill: 'reflecting',
  principle: 'P3',
  empathy: true,
  find(r, ctx) {
    if (ctx.clue?.news !== 'good') return [];
    const hits = findAll(
      r,
      /congratulations|congrats|congratulate|many happy returns|well done|good for you|(?:that is|what|such|that|what a|such a|that sounds like|that is such) (?:really |absolutely |truly |just )?(?:wonderful|great|fantastic|brilliant|lovely|amazing|exciting|terrific|superb|fabulous|marvellous|marvelous|happy|good|big|incredible|huge) (?:news|achievement|milestone|moment|step|day|result|occasion)|how (?:exciting|wonderful|lovely|fantastic|brilliant|amazing|thrilling|marvellous|marvelous|fabulous|great)|(?:i am|i'm|we are|we're) (?:so |really |very |absolutely |just |truly )?(?:pleased|happy|delighted|thrilled|glad|chuffed) (?:for you|to hear|for the two of you|for you both|for your|for her|for him|for them)|what an? (?:achievement|milestone|lovely thing|exciting time|wonderful thing)|(?:you|you both|you two) must be (?:so |really |very )?(?:proud|thrilled|delighted|excited|over the moon)|exciting (?:times|news|day|step)|(?:that is|what) (?:wonderful|fantastic|brilliant|amazing|lovely|great)|best wishes|enjoy (?:the|your) (?:new|big)|all the best|over the moon/,
    ).filter((m) => !negatedAt(r, m));
    if (hits.length === 0) return [];
    return [{ delta: 2, spans: dedupe(hits.map(span)), note: 'You shared their good news before the business, which is what turns a transaction into a relationship.' }];
  },
};

const together: Detector = {
  id: 'together',
  skill: 'personalizing',
  principle: 'P16',
  find(r) {
    const hits = findAll(
      r,
      /together|(?:let us|let's) (?:get|sort|work|figure|fix|see|find|look|go|try|make|have a look|put|start|take|check|tackle|deal|crack|walk|do|run|think|talk|build|turn|pick|get you|keep|aim|plan|map)|(?:i am|i'm) (?:on your side|in your corner|with you on this|here with you)|(?:you and i|you and me|between us|the two of us|between the two of us)|(?:we are|we're) in this together|team up|(?:with you|alongside you) (?:on this|every step|all the way|until)|on your side/,
    ).filter((m) => !negatedAt(r, m));
    if (hits.length === 0) return [];
    return [{ delta: 1, spans: dedupe(hits.map(span)), note: 'Putting yourself on their side turns "you against the company" into "us against the problem".' }];
  },
};

export const detectors: readonly Detector[] = [
  namesCustomer, namesFeeling, realApology, nonApology, blamesCustomer, yesBut, fearWords, jargon, commitsAction,
  vagueHandoff, recaps, normalizes, lumpsTogether, relates, overshares, congratulates, together,
];

/** Detectors that count as empathy for the engine's timing rule. */
export const empathyDetectors: ReadonlySet<DetectorId> = new Set(detectors.filter((d) => d.empathy).map((d) => d.id));

function sentenceText(r: Reading, index: number): string {
  const s = r.sentences[index];
  if (!s) return '';
  return r.flat.slice(r.flatStart[s.firstToken]!, r.flatStart[s.lastToken]! + r.tokens[s.lastToken]!.norm.length);
}

function dedupe(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out.at(-1);
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

// The coach's detectors: each finds one thing a reply does well or badly, grounded in a principle of the curriculum.
import type { SkillId } from '@/lib/content/curriculum';
import { blameMatches } from './blame';
import type { ContextId } from './context';
import { CROWD_PEOPLE, lumpMatches, MANY } from './crowd';
import { negatedAt, pastForm, sameSentence, textOf } from './grammar';
import { HANDED_ON, handoffMatches, REACHES_THE_RIGHT_PEOPLE } from './handoff';
import { findAll, sentenceText, words, type Match, type Reading, type Token, rx } from './nlp';
import { inOwnStory, ownStories, runsLong, WORK } from './stories';

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
  /** A detector, or one of the checks of the reply against its turn (context.ts). */
  detector: DetectorId | ContextId;
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
  /** Its score and note, for the detectors with a learned model (model.ts), whose findings read the same from either. */
  says?: { delta: number; note: string };
}

const span = (m: Match): Span => ({ start: m.start, end: m.end });

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
  // Everyday and good-news words people use of themselves ("you must be chuffed", "feeling self-conscious").
  'chuffed', 'buzzing', 'stoked', 'ecstatic', 'pleased', 'made up', 'glad', 'self-conscious', 'self - conscious', 'awkward',
  'intimidated', 'intimidating', 'guilty', 'desperate', 'frantic', 'distraught', 'petrified', 'uncomfortable', 'insecure',
  'out of your depth', 'at your wits end', "at your wits ' end", 'wound up', 'worked up', 'put out', 'hard done by', 'unnerving',
  'unnerved', 'traumatic', 'traumatised', 'traumatized', 'aggravating', 'aggravated', 'disorienting', 'heartbroken', 'stressy',
  'wobbly', 'shaky', 'tearful', 'teary', 'emotional', 'jumpy', 'draining', 'tiring', 'wearing', 'nerve-racking', 'gruelling',
  'grueling', 'agonising', 'agonizing', 'demoralising', 'disheartening', 'worn down', 'run down', 'ground down', 'fed up to the back teeth',
];
/**
 * Words that describe what a situation does to the person in it ("losing a day's pay is infuriating"),
 * so they name the customer's feeling whatever the subject; "exciting" and "confusing" also describe
 * things ("an exciting range", "the form is confusing") and stay out.
 */
const EVALUATIVE = FEELINGS.filter((f) => /(?:ing|ful|y)$/.test(f) && !/^(?:exciting|thrilling|confusing|lost|happy|angry|sad|cross|jittery|panicky|stressy|lonely|baffling|shocking)$/.test(f));
/** Feelings as nouns, for "your frustration" and "the worry". */
const FEELING_NOUNS = [
  'frustration', 'worry', 'worries', 'anger', 'disappointment', 'fear', 'fears', 'stress', 'anxiety', 'embarrassment',
  'upset', 'distress', 'panic', 'excitement', 'relief', 'pride', 'grief', 'shock', 'concern', 'concerns', 'annoyance',
  'irritation', 'exasperation', 'confusion', 'heartbreak', 'nerves', 'dread', 'sadness', 'fright', 'alarm',
  'disbelief', 'dismay', 'joy', 'delight', 'happiness', 'scare', 'guilt', 'heartache', 'despair', 'outrage',
  'helplessness', 'loneliness', 'elation', 'thrill', 'nervousness', 'unease', 'apprehension', 'trepidation',
];
// Any "-ly" adverb can sit before a feeling ("understandably", "visibly", "justifiably"), as can these.
const INTENSIFIER = "(?:(?:[a-z]+ly|so|very|quite|pretty|a bit|a little|a lot more|more than a little|such a|bound to be|still|already|feeling|getting|becoming|now|even|just|all|that|too) )*";
const FEELING = words(FEELINGS);
const FEELING_NOUN = words(FEELING_NOUNS);
// What a person goes through, which a feeling word can describe: "a stressful week", "such a worrying wait".
const EXPERIENCES = new Set([
  'time', 'day', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'wait', 'experience',
  'situation', 'position', 'start', 'end', 'thing', 'moment', 'journey', 'trip', 'process', 'ordeal', 'news', 'call', 'letter',
  'surprise', 'mix-up', 'visit', 'delay', 'drive', 'flight', 'place', 'spot', 'feeling', 'shock', 'discovery', 'message',
  'bill', 'few', 'couple', 'stage', 'period', 'run', 'spell', 'hour', 'minute', 'phone',
]);
// After "a"/"an" some of these are things, not feelings: "a false alarm", "a stomach upset", "a concern for us".
const ARTICLE_FEELING_NOUN = words(FEELING_NOUNS.filter((n) => !['alarm', 'upset', 'concern', 'concerns', 'nerves', 'fears', 'worries'].includes(n)));
/** Verbs, by lemma, that name what something does to a person: "that letter upset you", "it would rattle anyone". */
const FEELING_VERBS = new Set([
  'upset', 'worry', 'scare', 'frighten', 'shake', 'rattle', 'annoy', 'frustrate', 'stress', 'unsettle', 'alarm', 'panic',
  'spook', 'anger', 'distress', 'embarrass', 'infuriate', 'terrify', 'humiliate', 'disappoint', 'unnerve', 'throw', 'madden',
  'irritate', 'exasperate', 'devastate', 'overwhelm', 'drain', 'exhaust', 'shock', 'hurt', 'gut', 'floor', 'faze', 'bother',
]);
const FEELING_OBJECTS = new Set(['you', 'anyone', 'anybody', 'everyone', 'everybody', 'people']);

/** "That letter upset you", "it must have scared you", "that would rattle anyone", but not "sorry to worry you". */
function feelingVerbs(r: Reading): Match[] {
  const out: Match[] = [];
  r.tokens.forEach((t, i) => {
    const object = r.tokens[i + 1];
    if (!object || !FEELING_OBJECTS.has(object.norm) || !FEELING_VERBS.has(t.lemma) || !['VERB', 'ADJ'].includes(t.pos)) return;
    // "Sorry to worry you", "I don't want to scare you": what the rep might do, not what they feel.
    if (r.tokens[i - 1]?.norm === 'to') return;
    // "upset you" followed by "to"/"with" is "upset you with the details" at most; "it'll throw you a lifeline" is not a feeling.
    if (/^(?:a|an|the|some|any|to|for|with|off|out|into)$/.test(r.tokens[i + 2]?.norm ?? '')) return;
    out.push({ first: i, last: i + 1, start: t.start, end: object.end, groups: [] });
  });
  return out;
}
// Sayings for a feeling: "that would drive anyone up the wall", "you must be at your wits' end".
const FEELING_IDIOMS = [
  `(?:drive|drives|driving|drove|would drive|would have driven) (?:anyone|anybody|you|people|most people|everyone|the best of us) (?:up the wall|mad|crazy|round the bend|around the bend|spare|nuts|bonkers|to distraction|to despair|potty|insane)`,
  `(?:tearing|pulling) (?:your|my|their|his|her) hair out|climbing the walls|at (?:your|my|their) wits(?: ')? end|at the end of (?:your|my|their) (?:tether|rope)|worried sick|sick with worry|a (?:bag|bundle) of nerves|a nervous wreck|on pins and needles|chuffed to bits`,
  `(?:knocked|knock|knocks|taken|took) the wind out of (?:you|your sails|anyone)`,
  `(?:gets|get|getting|got) under your skin`,
  `(?:your )?heart (?:sank|sink|sinks|must have sunk|in your mouth)`,
  `(?:a |such a |quite a )?weight off your (?:mind|shoulders)`,
  `(?:knocked|knocks|knock) you (?:sideways|for six)`,
  `(?:worried|scared|bored|sick) (?:to death|stiff|out of your mind|out of your wits)`,
  `on tenterhooks|at the end of your tether|beside yourself|over the moon|walking on air|on cloud nine|in bits|in pieces`,
];

const WHEN = words([
  'now', 'right now', 'today', 'tonight', 'tomorrow', 'this morning', 'this afternoon', 'this evening', 'straight away',
  'right away', 'immediately', 'first thing', 'by the end of the day', 'end of day', 'within the hour', 'in the next hour',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'this week', 'next week', 'while you wait',
  'while we talk', 'while you are here', 'before you leave', 'before you go', 'at once',
]);

// ---- Detectors ---------------------------------------------------------------------------------

const TITLES = '(?:mr|mrs|ms|miss|mx|dr|doctor|professor|prof) \\.? ?';

/** A name as a pattern over the word stream: "Kerry-Ann" is read as "kerry - ann". */
const namePattern = (name: string) => name.split('-').map((part) => words([part])).join(' ?- ?');

const namesCustomer: Detector = {
  id: 'names-customer',
  skill: 'personalizing',
  principle: 'P16',
  find(r, ctx) {
    const parts = ctx.customerName.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return [];
    const first = parts[0]!;
    const last = parts.length > 1 ? parts.slice(1).join(' ') : undefined;
    // Someone who writes without capitals may write the name that way too; otherwise a lower-case
    // "will", "hope", "bill" or "rose" is the word, not the person.
    const casual = !/[A-Z]/.test(r.text);
    const firstNames = findAll(r, namePattern(first)).filter((m) => {
      if (casual) return true;
      if (!/^[A-Z]/.test(r.text.slice(m.start, m.end))) return false;
      // At the start of a sentence a capital proves nothing: "Will you…", "Hope you're well" use the word.
      const atStart = m.first === r.sentences[r.tokens[m.first]!.sentence]!.firstToken;
      const next = r.tokens[m.last + 1];
      return !atStart || !next || next.pos === 'PUNCT' || r.tokens[m.first]!.pos === 'PROPN';
    });
    const found = [...firstNames, ...(last ? findAll(r, rx`${TITLES}${namePattern(last)}`) : [])];
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
      // An exclamation at the start of a clause ("Oh, so frustrating!"), not "the dates are really confusing."
      `(?:^|[.!?,] |(?:oh|ugh|ah|gosh|god|well) ,? )(?:so|really|very|truly|utterly|absolutely) ${FEELING}(?= [!.,]| when| that| to| having| being| after| with| is not it|$)`,
      // The feeling as a noun with an article: "what a relief", "that must have been a horrible shock", "a very fair worry".
      `(?:what|such) an? ${INTENSIFIER}(?:[a-z-]+ )?${ARTICLE_FEELING_NOUN}`,
      `(?:that|this|it|which) (?:is|was|sounds like|must be|must have been|would be|would have been|has been|can be|is such) (?:a|an|such a|such an|quite a|a real) ${INTENSIFIER}(?:[a-z-]+ )?${ARTICLE_FEELING_NOUN}`,
      `you (?:[a-z]+ly )?(?:must |will |would |may |might )?(?:have |has )?(?:[a-z]+ly )?(?:had|got|have) (?:a|an|such a|quite a|a real) ${INTENSIFIER}(?:[a-z-]+ )?${ARTICLE_FEELING_NOUN}`,
      // What a situation does to anyone in it, whatever the subject: "losing a day's pay for nothing is infuriating".
      `(?:is|was|are|were|must be|must have been|sounds|can be|gets|would be|would have been) ${INTENSIFIER}${words(EVALUATIVE)}`,
      // What something did to them: "that letter upset you", "it must have scared you".
      ...FEELING_IDIOMS,
      // Said of people in their position: "loads of people feel self-conscious", "being scared of the bills".
      `(?:lots of|loads of|a lot of|plenty of|so many|many|most|a good many) (?:[a-z-]+ ){0,3}(?:people|folk|folks|of us|[a-z]+s) (?:feel|get|are|end up|find themselves) ${INTENSIFIER}${FEELING}`,
      `being ${INTENSIFIER}(?!lost|stuck|cross|happy|hurt)${FEELING}`,
      `you (?:are|were|have every|had every|are completely|are quite|are perfectly) (?:right|entitled|justified|within your rights) to (?:be|feel) ${INTENSIFIER}${FEELING}`,
      `(?:you|you both|you two|you and your [a-z]+|both of you) (?:must|will|would) (?:be|feel|have been) ${INTENSIFIER}${FEELING}`,
      `must (?:be|have been|feel) ${INTENSIFIER}(?!lost|stuck|cross|happy)${FEELING}`,
      `no wonder (?:you are|you feel|you were|you felt|you are feeling|you sound|you) ${INTENSIFIER}${FEELING}`,
      `(?:anyone|anybody|everyone|most people|i) (?:would|will|'d) (?:be|feel|have been) ${INTENSIFIER}${FEELING}`,
      `(?:i can|i) (?:only |just |well |totally |completely |really )?(?:hear|see|tell|imagine|understand|sense|know) (?:how|that|why) (?:${INTENSIFIER}${FEELING}|you (?:are|were|feel|must be|might be|would be|sound) ${INTENSIFIER}${FEELING}|(?:this|that|it) (?:is|was|must be|feels) ${INTENSIFIER}${FEELING})`,
      `(?:feeling|to feel|(?:left|leave|leaves|leaving|made|make|makes|making|got|get|gets|had|have|has|send|sends|sent) (?:you|anyone|anybody|everyone|people|most people|you both|you two)(?: feeling)?) ${INTENSIFIER}${FEELING}`,
      `(?:understandable|natural|normal|reasonable|no surprise|no wonder|makes sense|of course) (?:that you|you|to|for you to)(?: would| are| feel| be| get| were| felt)? ${INTENSIFIER}(?:${FEELING}|worry|panic|fret)`,
      `(?:given|gave|give) you (?:a |such a |quite a )?(?:real |proper |nasty |horrible |awful )?(?:fright|scare|shock|turn)`,
    ];
    const said = [...frames.flatMap((f) => findAll(r, f)), ...feelingVerbs(r)];
    // Feeling nouns count when said of the customer: "your frustration", "I can hear the worry in your voice".
    const nouns = [
      ...findAll(r, rx`your (?:${INTENSIFIER})${FEELING_NOUN}`),
      ...findAll(r, rx`(?:hear|see|sense|understand|imagine|feel) (?:the|that|this|all the|how much) ${INTENSIFIER}${FEELING_NOUN}`),
    ];
    // "It's happy now" is about a machine: states only a person has don't count after it, this or that.
    const personOnly = /^(?:that|this|it|all that|all of that|all this) .*\b(?:happy|proud|excited|delighted|relieved|thrilled|overjoyed|elated|lost|stuck|cross|sad)$/;
    // "Sorry if that upset you" hedges; it does not say they were upset.
    const hedged = (m: Match) => r.tokens.slice(Math.max(0, m.first - 4), m.first).some((t) => t.norm === 'if' || t.norm === 'whether') && /you$/.test(r.tokens[m.last]!.norm);
    // Inside the rep's own story a feeling is the rep's ("I had to borrow the money, which was mortifying"),
    // unless it is said to them ("…so I know how maddening it is").
    const storyOwn = (m: Match) => inOwnStory(r, m) && !/^(?:i|you)\b|\byou\b/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length));
    // "What an exciting menu" is about the menu; "what a frustrating morning" is about what they went through.
    const aboutThing = (m: Match) => r.tokens[m.last + 1]?.pos === 'NOUN' && !EXPERIENCES.has(r.tokens[m.last + 1]!.lemma) && r.tokens[m.last]!.pos !== 'NOUN';
    const own = [...said, ...nouns].filter((m) => !negatedAt(r, m) && !hedged(m) && !storyOwn(m) && !aboutThing(m) && !personOnly.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length)));
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

/** Owning the fault, said near an apology: what makes it a real one ("I'm sorry, we sent it to the wrong address"). */
const OWNS_IT = new RegExp(
  `\\b(?:i|we) (?:have |had |did |was |were |am |are )?(?:not )?(?:${words([
    'charged', 'sent', 'gave', 'told', 'got', 'made', 'missed', 'lost', 'forgot', 'failed', 'let', 'should', 'did', 'put',
    'took', 'kept', 'left', 'messed', 'mixed', 'cancelled', 'canceled', 'booked', 'delivered', 'promised', 'said', 'dropped',
    'overcharged', 'blocked', 'locked', 'caused', 'broke', 'damaged', 'delayed', 'mislabelled', 'mislabeled', 'posted',
    'misread', 'ignored', 'did not', 'have not', 'had not', 'never', 'owe', 'got it wrong', 'gave you', 'sent you',
  ])})\\b|\\b(?:our|my) (?:${words([
    'mistake', 'fault', 'error', 'end', 'side', 'system', 'team', 'driver', 'courier', 'staff', 'technician', 'engineer',
    'colleague', 'process', 'letter', 'email', 'website', 'app', 'oversight', 'part', 'doing', 'responsibility', 'slip',
    'bad', 'shop', 'store', 'branch', 'delivery', 'failure',
  ])})\\b|\\b(?:that|this|it) (?:was|is) (?:on us|on me|down to us|down to me|our fault|my fault|our mistake|my mistake|our error|my error|not good enough|not okay|not ok|unacceptable)\\b|\\b(?:nobody|no one|none of us) (?:here |from (?:us|our [a-z]+) )?(?:[a-z]+ed|told|rang|got|gave|came|took|sent|said)\\b|\\bone of (?:our|my) [a-z]+\\b|\\blet you down\\b|\\bgot (?:this|that|it) wrong\\b|\\bdropped the ball\\b|\\bshould have\\b|\\bshould not have\\b|\\bshould never have\\b`,
);

const nonApology: Detector = {
  id: 'non-apology',
  skill: 'apologizing',
  principle: 'P15',
  find(r) {
    const hits = NON_APOLOGY.flatMap((p) => findAll(r, p)).filter((m) => !negatedAt(r, m));
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
    return next.some((n) => n.pos === 'VERB' && pastForm(n) && !['feel', 'think', 'hear', 'understand', 'know', 'see', 'hope', 'want'].includes(n.lemma)) || next.some((n) => ['should', 'never'].includes(n.norm));
  });
}

// Words that say something went wrong, which turn "I've sent…" from the fix into the fault.
const FAULT = /\b(?:wrong|mistake|error|fault|should|by accident|accidentally|forgot|failed|twice|late|never|not)\b/;
// "Sorry for the wait", "sorry about keeping you": the apology names the thing.
const SORRY_FOR_THING = /(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:the|our|my|this|that|all the|keeping|not|sending|giving|making|charging|missing|losing|taking|the way|how)/;

const realApology: Detector = {
  id: 'real-apology',
  skill: 'apologizing',
  principle: 'P15',
  empathy: true,
  find(r) {
    const apologies = findAll(r, APOLOGY).filter((m) => !negatedAt(r, m));
    const nonApologies = NON_APOLOGY.flatMap((p) => findAll(r, p));
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
      // "I'm so sorry about your dog. I've cancelled the reminders now": sympathy, then the work; owning needs a fault.
      const ownSentence = sentenceText(r, sentence);
      const nextSentence = neighbour && neighbour.lastToken - a.first < 30 ? sentenceText(r, sentence + 1) : '';
      const before = sentence > 0 ? sentenceText(r, sentence - 1) : '';
      if (nextSentence && WORK.test(nextSentence) && !FAULT.test(nextSentence) && !OWNS_IT.test(ownSentence) && !OWNS_IT.test(before) && !ownsInSentence(r, sentence) && !SORRY_FOR_THING.test(ownSentence)) continue;
      if (OWNS_IT.test(scope) || OWNS_IT.test(before) || ownsInSentence(r, sentence) || SORRY_FOR_THING.test(scope)) {
        spans.push(span(a));
      }
    }
    if (spans.length === 0) return [];
    return [{ delta: 2, spans, note: 'A real apology: you owned what went wrong, which is what lets them stop arguing the point.' }];
  },
};

const BLAMES = { delta: -2, note: 'This puts the fault on them. Even when they slipped, blame makes them defend themselves instead of working with you.' };

const blamesCustomer: Detector = {
  id: 'blames-customer',
  skill: 'apologizing',
  principle: 'P15',
  says: BLAMES,
  find(r) {
    const hits = blameMatches(r);
    return foundAt(hits, BLAMES);
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
        /(?:i|we) (?:completely |totally |really |fully |do |absolutely |can )?(?:understand|hear|see|get|appreciate|know|realise|realize|agree|accept|recognise|recognize|respect|sympathise|sympathize|empathise|empathize|take your point|take the point)|i hear you|(?:that|this|it) (?:makes sense|is fair|is a fair point|is understandable|is true)|you are (?:right|absolutely right|quite right|not wrong)|i know (?:this|that|it) is|i do understand/,
      ).filter((m) => !['if', 'so', 'that'].includes(r.tokens[m.first - 1]?.norm ?? '')),
      // Interjections acknowledge only at the start of a sentence: "Yes, but…", not "just so I'm absolutely clear".
      ...findAll(r, /yes|yeah|sure|of course|absolutely|understood|granted|point taken|fair enough|fair point|no doubt|i am sure|i am aware/).filter(
        (m) =>
          m.first === r.sentences[r.tokens[m.first]!.sentence]!.firstToken ||
          /^(?:oh|well|ok|okay|look|right)$/.test(r.tokens[m.first - 1]?.norm ?? '') ||
          // "You're clearly irritated, and fair enough. But…": a concession starting its own clause.
          (/^(?:and|;)$/.test(r.tokens[m.first - 1]?.norm ?? '') && /^(?:fair enough|fair point|point taken|granted|understood|no doubt)$/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length))),
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
  'ticketing', 'sla', 'slas', 'escalate', 'escalated', 'escalation', 'escalations', 'tier 1', 'tier 2',
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
  'comms', 'gateway', 're-provisioning', 'reprovisioning', 'payload', 'config', 'latency', 'handshake', 'dns', 'dhcp', 'mac address',
  'packet loss', 'port fault', 'sync loss', 'lost sync', 'ticket number', 'case number', 'case notes', 'batch number',
  // Trade terms from lines, billing and claims: "high attenuation", "the dunning cycle", "referred for subrogation".
  'attenuation', 'sync speed', 'sync rate', 'noise margin', 'snr', 'dunning', 'dunning cycle', 'retry cycle', 'subrogation',
  'adjudication', 'remittance', 'accrual', 'proration', 'prorated', 'pro-rated', 'clawback', 'at source', 're-present',
  're-presented', 're-presenting', 'representment', 'pro-rata', 'pro rata', 'bacs run',
];
const JARGON_SET = new Set(JARGON.filter((j) => !j.includes(' ')));
const JARGON_PHRASES = JARGON.filter((j) => j.includes(' '));
// Common words that are spelt the same as a term in the list.
const NOT_JARGON_ALONE = new Set(['so', 'mid', 'hub', 'pod', 'ref', 'dd', 'auth', 'token', 'sync', 'node', 'carrier', 'batch', 'incident', 'clearing', 'settlement', 'flagged', 'queue']);

/**
 * A listed term with a prefix is the same jargon: "deprovisioned", "reprovisioned", "re-escalated", "auto-escalated",
 * "desynced". Only prefixes that make a new trade verb count, and only on terms long enough not to be everyday words.
 */
function jargonFamily(word: string): boolean {
  const stem = /^(?:de|re|un|pre|auto|mis|dis)-?(.+)$/.exec(word)?.[1];
  return !!stem && stem.length >= 4 && JARGON_SET.has(stem) && !NOT_JARGON_ALONE.has(stem);
}

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
      // A ticket is jargon as the support desk's record ("your ticket has been escalated"), not for a train or a gig.
      const supportTicket =
        /^tickets?$/.test(word) &&
        (r.tokens.slice(Math.max(0, i - 4), i + 5).some((n) => n.sentence === t.sentence && SUPPORT_DESK.has(n.lemma)) || ['number', 'id', 'ref', 'reference', 'no'].includes(r.tokens[i + 1]?.norm ?? ''));
      const listed = (JARGON_SET.has(word) && !NOT_JARGON_ALONE.has(word)) || jargonFamily(word);
      const contextual =
        (word === 'queue' && ['NOUN', 'PROPN'].includes(r.tokens[i - 1]?.pos ?? '') && !['phone', 'telephone', 'call'].includes(r.tokens[i - 1]!.norm)) ||
        (word === 'flagged' && ['system', 'auto', 'automatically'].includes(r.tokens[i - 1]?.norm ?? '')) ||
        ((word === 'batch' || word === 'batches') && ['run', 'job', 'process', 'overnight', 'nightly', 'weekly', 'daily', 'monthly'].some((w) => r.tokens[i + 1]?.norm === w || r.tokens[i - 1]?.norm === w)) ||
        (word === 'sync' && ['the', 'a', 'to', 'resync'].includes(r.tokens[i - 1]?.norm ?? '') && r.tokens[i - 1]?.norm !== 'in');
      if ((acronym || listed || contextual || supportTicket) && !theirs.has(word)) spans.push({ start: t.start, end: t.end });
    });
    // Letters and digits run together are codes: "3DS", "an E-04 means…", "F28 lockout"; a few are everyday ("4G", "A4").
    r.tokens.forEach((t, i) => {
      let j = i;
      while (r.tokens[j + 1] && r.tokens[j + 1]!.start === r.tokens[j]!.end && /^[\w-]+$/.test(r.tokens[j + 1]!.text)) j++;
      if (i > 0 && r.tokens[i - 1]!.end === t.start && /^[\w-]+$/.test(r.tokens[i - 1]!.text)) return;
      const code = r.text.slice(t.start, r.tokens[j]!.end);
      if (!/^(?=.*\d)(?=.*[A-Z])[A-Z\d][A-Z\d-]{1,7}$/.test(code) || /^\d+[A-Z]?$|^\d*(?:G|GB|MB|KB|TB|K|AM|PM|ST|ND|RD|TH)$|^[A-Z]\d$/i.test(code) || theirs.has(code.toLowerCase())) return;
      const next = r.tokens[j + 1];
      // A code as a thing in itself: "an E-07 on the display", "showing F28", "E-04 means…".
      const beside = /^(?:mean|means|meant|indicate|indicates|code|error|fault|lockout|status|flag)$/.test(next?.norm ?? '') || /^(?:error|fault|code|status|an?|showing|displaying|flashing|shows|says|reads)$/.test(r.tokens[i - 1]?.norm ?? '');
      if (beside || /^\d[A-Z]{2,}$/.test(code)) spans.push({ start: t.start, end: r.tokens[j]!.end });
    });
    const line = (ctx.customerLine ?? '').toLowerCase();
    for (const m of findAll(r, words(JARGON_PHRASES))) if (!line.includes(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + r.tokens[m.last]!.norm.length))) spans.push(span(m));
    // Codes the customer would not know: "E-07 means…", "status code 4".
    for (const m of findAll(r, /(?:code|status|error|reference|ref) [a-z]?-?\d[\w-]*/)) spans.push(span(m));
    if (spans.length === 0) return [];
    return [{ delta: -1, spans: dedupe(spans), note: 'Internal terms make them feel like an outsider. Use the words they used.' }];
  },
};
// Words around a ticket that make it the support desk's: raised, logged, escalated, tier 2.
const SUPPORT_DESK = new Set(['raise', 'log', 'open', 'create', 'escalate', 'close', 'assign', 'update', 'submit', 'reopen', 'support', 'helpdesk', 'tier', 'sla', 'queue', 'priority', 'internal', 'resolve']);
// Acronyms people meet on their cards, phones, cars and letters, which need no translating.
const EVERYDAY_ACRONYMS = [
  'SIM', 'PUK', 'PAC', 'CCTV', 'GPS', 'APR', 'ISA', 'PAYG', 'DVLA', 'HMRC', 'IBAN', 'TBC', 'TBA', 'PTO', 'BBQ', 'LED', 'DVD', 'CD',
  'MRI', 'ECG', 'QR', 'URL', 'WIFI', 'HDMI', 'ISP', 'SATNAV', 'RAC', 'AA', 'EV', 'ABS', 'DBS', 'ULEZ', 'NI', 'NINO', 'UCAS', 'SEN',
  'ESA', 'PIP', 'JSA', 'DWP', 'ICU', 'OBE', 'FAQS', 'SAT', 'SATS', 'TFL', 'IKEA', 'FYI',
];
const COMMON_ACRONYMS = new Set([...EVERYDAY_ACRONYMS, 'OK', 'ID', 'UK', 'US', 'USA', 'EU', 'PIN', 'ATM', 'TV', 'PDF', 'SMS', 'USB', 'AM', 'PM', 'GP', 'NHS', 'DIY', 'ASAP', 'FAQ', 'CEO', 'BBC', 'IT', 'I', 'PC', 'HR', 'VAT', 'MOT', 'A', 'BST', 'GMT', 'DM', 'NB', 'PS', 'UPS', 'DHL', 'BT', 'A&E', 'CV', 'GCSE', 'MP', 'IOU', 'RSVP', 'VIP']);

// Verbs that follow "I'll" or "I've" without promising any work: feelings, hopes and "I'll try".
const NOT_ACTIONS = new Set([
  'be', 'have', 'hear', 'see', 'notice', 'try', 'think', 'feel', 'know', 'understand', 'read', 'wonder', 'hope', 'want', 'like',
  'love', 'need', 'forget', 'lose', 'miss', 'sit', 'spend', 'experience', 'wait', 'guess', 'imagine', 'say', 'admit', 'bet',
  'remember', 'believe', 'suppose', 'expect', 'seem', 'let', 'do', 'will', 'would', 'can', 'could', 'must', 'may', 'might',
  'worry', 'mind', 'live', 'play', 'agree', 'appreciate', 'apologise', 'apologize', 'go', 'get', 'come', 'own',
]);

const HEDGES = new Set(['maybe', 'perhaps', 'possibly', 'hopefully']);
/**
 * "I'll get Biscuit booked in", "I'll have it signed by Dr Ahmed": get or have, an object, and a past participle is
 * the rep causing the work to be done, which is as concrete as doing it.
 */
function causative(r: Reading, verb: Token | undefined): boolean {
  if (!verb || !['get', 'have'].includes(verb.lemma)) return false;
  const at = r.tokens.indexOf(verb);
  const rest = r.tokens.slice(at + 1, at + 5);
  const done = rest.findIndex((t, k) => k > 0 && t.pos === 'VERB' && pastForm(t) && !/ing$/.test(t.norm));
  return done > 0 && rest.slice(0, done).every((t) => ['PRON', 'PROPN', 'NOUN', 'DET', 'ADJ', 'NUM'].includes(t.pos) && t.norm !== 'i');
}

const commitsAction: Detector = {
  id: 'commits-action',
  skill: 'ownership',
  principle: 'P17',
  find(r) {
    const checks = recapMatches(r);
    const hits: Match[] = [];
    const frames = [
      // I'll / I will / I'm going to / I shall + (adverbs) + a verb of doing
      /i (?:will|am going to|am gonna|shall|am about to|will be able to)(?: (?:personally|now|also|just|first|then|straight|right|quickly|immediately|go and|make sure (?:i|to)|definitely|gladly|happily))* ([a-z-]+)/,
      // let me + verb (not "let me know", which asks them to act)
      /let me(?: (?:just|quickly|now|personally|first|go and))* ([a-z-]+)/,
      // I've (just) done it
      /i have(?: (?:just|now|already|also|personally|gone ahead and))* ([a-z-]+)/,
      // I'm doing it
      /i am(?: (?:just|now|currently|personally|already|also))* ([a-z-]+ing)/,
      // I'll be doing it
      /i (?:will|am going to) be(?: (?:personally|also|just))* ([a-z]+ing)/,
      // while I check it
      /(?:while|whilst|as) i(?: (?:just|quickly|now))* ([a-z]+)/,
      // I can do it now
      rx`i (?:can|could) ([a-z-]+) (?:[a-z']+ ){0,4}(?:${WHEN})`,
      /what i (?:will|am going to|can) do (?:is|now is|right now is)|i am on the phone to/,
      // I've done it, in the simple past: the fix, or chasing someone for them ("I spoke to the depot earlier").
      /i (?:just |also |then |already |personally )?(sent|booked|refunded|reversed|cancelled|canceled|called|emailed|arranged|ordered|raised|credited|issued|processed|logged|unlocked|moved|fixed|added|changed|rebooked|switched|paused|renewed|released|reopened|reinstated|waived|removed|resent|attached|increased|updated|corrected|upgraded|extended|traced|found|spoke|talked|rang|phoned|texted|messaged|contacted|chased|checked|confirmed|posted|reset|cleared|blocked|froze|reserved|printed|replaced|went (?:through|over)|looked (?:at|into|over|through)|had a look|pulled up|dug out|read through|listened to)/,
    ];
    for (const f of frames) {
      for (const m of findAll(r, f)) {
        const verbAt = m.groups[0] ? r.tokens.slice(m.first, m.last + 1).find((t) => t.norm === m.groups[0] || t.norm.endsWith(` ${m.groups[0]}`)) : undefined;
        const verb = verbAt?.lemma ?? m.groups[0];
        const after = r.flat.slice(r.flatStart[m.last]!, r.flatStart[m.last]! + 30);
        // A few everyday verbs are work only with an object: "get you a replacement", "have a look", "go through it".
        const said = r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + 1);
        // A few everyday verbs are work only with an object: "get you a replacement", "have a look", "go through it",
        // "I'm doing yours now", "I'll come and find you"; checking is work when it happens now ("let me see if…").
        const now = /^(?:let me|i am)\b/.test(said);
        const worksHere =
          /^(?:get|getting|got) (?:you|it|this|that|a|an|the|your|him|her|them)\b|^(?:have|take|had|taken|having|taking) a (?:look|quick look)|^(?:go|going|gone) (?:through|over|and)\b|^(?:do|doing) (?:it|this|that|yours|your|the)\b|^(?:come|coming) (?:and|over|round|around|down|up|back|out|straight|to you|to find|find|with you)\b/.test(after) ||
          (now && /^(?:see|seeing) (?:your|the|if|whether|what|how|which|who|where|when)\b/.test(after));
        if (verb && NOT_ACTIONS.has(verb) && !worksHere && !causative(r, verbAt)) continue;
        // The tagger sometimes calls a verb an adverb ("I'll forward it"); real adverbs here are "-ly" words and a few others.
        const adverb = verbAt?.pos === 'ADV' && (/ly$/.test(verbAt.norm) || /^(?:soon|always|still|never|ever|also|then|now|just|maybe|perhaps|again|too|even|already)$/.test(verbAt.norm));
        if (verb === 'know' || adverb || (verbAt && !['VERB', 'AUX', 'NOUN', 'ADJ', 'PROPN', 'ADV'].includes(verbAt.pos))) continue;
        if (/^(?:while|whilst|as) /.test(said) && verbAt?.pos !== 'VERB') continue;
        // "As I explained on Monday…", "as I said" recall what was said; they do no work.
        if (/^as /.test(said) && verbAt && pastForm(verbAt)) continue;
        // The rep's own story ("I sent that back too") and checking understanding ("if I've followed you") are not work.
        if (negatedAt(r, m, false) || inOwnStory(r, m) || checks.some((c) => c.first <= m.last && m.first <= c.last)) continue;
        if (['if', 'whether', 'unless'].includes(r.tokens[m.first - 1]?.norm ?? '')) continue;
        // "I can take it now if you have it handy" is an offer on a condition, not a promise.
        if (/^i (?:can|could)\b/.test(said) && /^[^,.;!?]*\b(?:if|or)\b/.test(r.flat.slice(r.flatStart[m.last]!))) continue;
        if (/\b(?:not|never|try|might|may|maybe|perhaps|hope)\b/.test(said)) continue;
        // "Maybe I could look tomorrow", "perhaps I can": the hedge comes before the "I".
        if (r.tokens.slice(Math.max(0, m.first - 2), m.first).some((t) => HEDGES.has(t.norm))) continue;
        // "I'll make sure it gets passed on", "…reaches the right people" promise only that someone else will have it.
        if (rx`^make sure (?:[a-z]+ ){1,3}(?:(?:gets|is|will be|goes) ${HANDED_ON}|${REACHES_THE_RIGHT_PEOPLE})`.test(r.flat.slice(r.flatStart[m.last]!, r.flatStart[m.last]! + 80))) continue;
        // "I'll see if…", "I'll have to…" are not promises.
        // "I've worked here for years" is the rep's time in the job, not work done for them.
        if (/^(?:worked|working) (?:here|there|at|in|for|with us)\b/.test(after)) continue;
        if (/^(?:have to|need to|be in touch|look into whether)/.test(after) || (!now && /^see\b/.test(after)) || /^see what (?:i|we) can do\b/.test(after)) continue;
        // "This morning I spoke to a retired policeman who…" is a story about another customer.
        if (lumpMatches(r).some((l) => r.tokens[l.first]!.sentence === r.tokens[m.first]!.sentence)) continue;
        hits.push(m);
      }
    }
    if (hits.length === 0) return [];
    const withWhen = hits.some((m) => rx`\\b${WHEN}\\b|\\bby \\d|\\bat \\d|\\bon \\d|\\bwithin\\b|\\bin (?:the next )?(?:\\d+|an?|one|two|five|ten|fifteen|twenty|thirty) (?:minutes?|hours?|days?)\\b`.test(sentenceText(r, r.tokens[m.first]!.sentence)));
    return [
      {
        delta: withWhen ? 2 : 1,
        spans: dedupe(hits.map(span)),
        note: withWhen ? 'A concrete next step with a when: they know what happens and can stop chasing.' : 'A concrete next step. Add when it will happen and they can stop chasing.',
      },
    ];
  },
};

const VAGUE_HANDOFF = { delta: -1, note: 'No owner and no time: they hear "wait and hope". Say who does what, and by when.' };

const vagueHandoff: Detector = {
  id: 'vague-handoff',
  skill: 'ownership',
  principle: 'P17',
  says: VAGUE_HANDOFF,
  find(r, ctx) {
    const hits = handoffMatches(r, ctx.customerName);
    return foundAt(hits, VAGUE_HANDOFF);
  },
};

// "I have it all straight", "I've got this right", "I understood you correctly": the rep's hold on what they heard.
const HAVE_IT = '(?:i (?:have (?:got )?|got |understand |understood |heard |followed |am following |am hearing |am reading |caught |have written down |have noted )(?:(?:you |this |that |it |everything |all (?:of )?(?:that|this) |it all |this all |the (?:details|facts|story) )?(?:all )?(?:right|correctly|properly|straight|clear|the right way round)|the (?:right|correct) [a-z]+))';

/** Signposted checks of understanding: "if I've got this right", "just so I have it all straight". */
function recapMatches(r: Reading): Match[] {
  return [
    ...findAll(
      r,
      /if i (?:have|'ve)? ?(?:got|understood|understand|heard|followed) (?:you |this |that |it |all that |everything )?(?:right|correctly|properly)?|if i am (?:following|hearing|reading|understanding) (?:you|this|that)(?: right| correctly)?|just (?:to|so i can) (?:check|confirm|make sure|be clear|be sure|recap|double-check)|(?:just )?so (?:that )?i am (?:absolutely |completely |totally |quite )?(?:clear|sure|following|certain|with you|understanding)|(?:so that|just so) i (?:am sure )?(?:i )?(?:have|'ve) (?:got )?(?:this|that|it|everything)? ?(?:right|straight|understood)|just so (?:i have|we are) (?:clear|got it|on the same page|straight)|so i am clear|let me (?:just )?(?:make sure|check|confirm|see if) (?:i|i have|i've|that i)(?: have| 've)? ?(?:understood|understand|got|heard|followed)|let me (?:just )?(?:play|read|say|repeat|run) (?:that|it|this|everything|all that|what you said) back|so what you are (?:saying|telling me) is|to recap|to sum up|to summari[sz]e|in other words|so (?:to|just to) (?:check|confirm)|correct me if i am wrong|tell me if i (?:have|'ve) got (?:this|that|it) wrong|am i right (?:in thinking|that|to say)|to make sure i (?:have |'ve )?(?:understood|understand|got)|have i got (?:that|this|it|everything) right|did i get (?:that|this|it|everything) right|is that right \?|let me see if i (?:have|'ve) got|so if i (?:have|'ve)? ?got this straight|let me get this straight|so , (?:if i|to check|just to)|what i am hearing is|what i have (?:heard|understood) is|so from what you have said|so (?:you|it) (?:are saying|sounds like)/,
    ),
    // Any way of saying "to check I have it right" or "so I have it straight".
    ...findAll(r, rx`(?:to|let me|can i|i want to|i just want to|i would like to) (?:just )?(?:check|confirm|make sure|be sure|double-check|double check|be certain|see)(?: that)? ${HAVE_IT}|so (?:that )?${HAVE_IT}`),
    // "Have I got this straight?", "did I hear that right?"
    ...findAll(r, /(?:have|did) i (?:got|get|understood|understand|heard|hear|followed|follow|caught|catch) (?:you |this |that |it |everything |all (?:of )?that )?(?:right|correctly|straight|properly)/),
    // "Just checking I follow", "checking I'm with you".
    ...findAll(r, /(?:check|checking|confirm|make sure|be sure)(?: that)? i (?:follow|am following|understand|have understood|am with you|have followed)/),
    // A signposted check put to them as a question: "So, to be clear, you were charged twice?" (not "To be clear, the deposit is kept.").
    ...findAll(r, /(?:to be (?:clear|sure|certain)|just to be (?:clear|sure)|to check|to confirm|just checking|checking) ,? (?:so )?(?:you|your|it was|the [a-z]+ (?:was|were|is|did))\b/).filter((m) => {
      const s = r.sentences[r.tokens[m.first]!.sentence]!;
      return r.tokens[s.lastToken]!.norm === '?';
    }),
  ];
}

const recaps: Detector = {
  id: 'recaps',
  skill: 'personalizing',
  principle: 'P16',
  find(r) {
    const hits = recapMatches(r);
    return foundAt(hits, { delta: 1, note: 'Checking you have it right shows you listened, and catches a misunderstanding early.' });
  },
};


const LUMPS = { delta: -1, note: '"Everyone does it", or another customer\'s story, makes them one of a crowd, and tells them you will talk about them next.' };

const lumpsTogether: Detector = {
  id: 'lumps-together',
  skill: 'normalizing',
  principle: 'P25',
  says: LUMPS,
  find(r) {
    const hits = lumpMatches(r).filter((m) => !negatedAt(r, m));
    return foundAt(hits, LUMPS);
  },
};

// What a slip or a worry can be called when it is an ordinary one: "a really common slip", "the most normal thing in the world".
const MISHAPS = words([
  'slip', 'slips', 'mistake', 'mistakes', 'mix-up', 'mix - up', 'mix-ups', 'error', 'errors', 'thing', 'things', 'one', 'ones',
  'question', 'questions', 'worry', 'worries', 'concern', 'concerns', 'problem', 'problems', 'reaction', 'feeling', 'trap',
  'muddle', 'oversight', 'experience', 'query', 'queries', 'hiccup', 'snag', 'blip',
]);
// Words a customer calls themselves when they feel foolish: "don't feel daft", "you're not an idiot".
const SELF_BLAME = words(['silly', 'stupid', 'daft', 'foolish', 'dim', 'thick', 'dumb', 'an idiot', 'a fool', 'hopeless', 'useless', 'bad', 'embarrassed', 'guilty', 'awful']);
// What ordinary people go through with a form or a bill: "half the people who use that form get stuck". Plain
// "have", "do" and "pay" are left out: "most customers pay by direct debit" says nothing about a slip.
const STRUGGLE = '(?:find|finds|get (?:stuck|confused|caught|lost|muddled|it wrong|tripped)|gets (?:stuck|confused|caught|lost|muddled|it wrong)|miss|misses|struggle|struggles|feel|trip|worry|mix|forget|end up|panic|slip up|come unstuck|make the same|do the same|do exactly)';

/**
 * The ordinary slip, said in any of the usual ways: "…is a really common slip", "…is one of the most normal things in
 * the world", "that catches out a good many people", "plenty of first-time buyers feel the same", "half the people
 * who use that form get stuck", "don't feel daft", "you're not an idiot".
 */
function ordinarySlips(r: Reading): Match[] {
  return [
    `(?:is|are|was|were|it is|that is|this is) (?:one of |among )?(?:the |an? )?(?:(?:really|very|quite|so|such|pretty|fairly|incredibly|super|most|an|a) )*(?:common|normal|natural|usual|everyday|ordinary|frequent|classic|understandable) ${MISHAPS}\\b`,
    `(?:trips?|tripping|catch(?:es)?|catching|confuses?|confusing|throws?|fools?|caught|tripped) (?:up |out )?(?:${MANY}|most|half)(?: of)? (?:the )?(?:[a-z-]+ ){0,2}(?:people|folk|folks|${CROWD_PEOPLE})(?: out| up)?`,
    `(?:${MANY}|most|half|plenty|many)(?: of)? (?:the )?(?:[a-z-]+ ){0,3}${CROWD_PEOPLE}(?: who(?: [a-z']+){1,4}?)? ${STRUGGLE}\\b`,
    `(?:do not|try not to|no need to|never) (?:feel|be) (?:so |too )?${SELF_BLAME}|you are (?:[a-z]+ly )?not (?:being )?(?:at all )?${SELF_BLAME}`,
  ].flatMap((p) => findAll(r, p));
}

const NORMALIZES = { delta: 1, note: 'Telling them it is common lifts the embarrassment without making them one of a crowd.' };

const normalizes: Detector = {
  id: 'normalizes',
  skill: 'normalizing',
  principle: 'P25',
  empathy: true,
  says: NORMALIZES,
  find(r) {
    const hits = findAll(
      r,
      /more (?:often |common |usual )?than you (?:would|might|may) (?:think|expect|imagine|realise|realize)|(?:completely|totally|perfectly|entirely|very|so|really) understandable|you are in good company|happens to the best of us|(?:trips?|catch(?:es)?|confuses?|throws?|fools?|catches) (?:up |out )?(?:a lot of|lots of|loads of|many|plenty of|so many|most) (?:people|folk|folks|[a-z]+s)|(?:lots|plenty|a lot|loads|many|most) of (?:[a-z]+ )?[a-z]+s (?:find|get|go through|do|make|miss|struggle|are|feel|have|trip|worry|mix|forget|ask|end up|notice|see|hit|run into|come)|(?:that|this|it) happens (?:(?:a lot )?more (?:often )?than you (?:would|'d|might) think|more often than (?:people|you) (?:think|realise|realize|imagine)|a lot|quite a lot|more than you know|to (?:lots|plenty|a lot) of people|to the best of us)|(?:it is|that is|this is|which is|it was|that was|it is a|that is a|it is such a|that is such a|it is an|that is an) (?:really |very |quite |so |completely |perfectly |totally |entirely |such |an |a )*(?:common|normal|understandable|natural|easily done|easy (?:one|thing|mistake) to (?:make|do|miss)|easy mistake|honest mistake|common mistake|common one|normal reaction|natural reaction|reasonable)(?! (?:practice|procedure|policy|knowledge|sense|ground|law|courtesy|hours|service|price|rate|fee|charge|terms|for (?:us|the company|our)))|easily done|(?:an )?easy (?:mistake|thing|one) to (?:make|do|miss|slip|get wrong|mix up|muddle|overlook|forget)|(?:lots|plenty|a lot|loads|many) of (?:people|customers|folk|folks|first-time buyers|parents|students|new owners|riders|drivers|travellers|travelers|homeowners) (?:find|get|do|make|miss|struggle|are|feel|have|trip|worry|mix|forget|ask|go|end up)|you are (?:not|far from|definitely not|certainly not|by no means) (?:the )?(?:first|only)|you are not alone|(?:please )?(?:do not|try not to) (?:be (?:so )?hard on yourself|beat yourself up|blame yourself|feel bad|feel silly|feel stupid|feel foolish|feel embarrassed|kick yourself)|no need to (?:apologi[sz]e|feel bad|feel silly|be embarrassed|feel embarrassed|blame yourself|feel stupid|worry about that)|nothing to (?:be )?(?:embarrassed|ashamed|feel bad|feel silly|apologi[sz]e)(?: about| for)?|(?:it|that|this) (?:could|can) happen to (?:anyone|anybody|any of us)|(?:it|that) catches (?:a lot of|lots of|plenty of|many) people out|a lot of people (?:feel|find|do) (?:the same|that)|(?:that|this) is (?:a )?(?:very )?(?:common|normal|usual) (?:question|worry|concern|feeling|thing|reaction|mix-up|slip)|perfectly (?:normal|natural|reasonable|understandable)|makes (?:complete |total |perfect )?sense (?:to feel|that you)|anyone (?:could|can|might) (?:have )?(?:miss|missed|make|made|do|done|forget|forgotten|mix|mixed)|(?:you|i) would not be the first|(?:this|that|it) trips (?:a lot of|lots of|many|plenty of) people up/,
    ).concat(
      // Whatever the subject: "a bit of clicking is normal", "missing fixings crop up a fair bit".
      findAll(r, /(?:is|are|was|were|can be|is all) (?:perfectly |completely |totally |quite |very |really |pretty |so |entirely |fairly )?(?:normal|common|usual|to be expected|par for the course)(?! (?:for (?:a|the|this|that|your) [a-z]+ (?:that|this|so|as)|service|price|rate|fee|charge|hours|terms|procedure|practice))/),
      ...ordinarySlips(r),
      findAll(r, /(?:crop|crops|cropping|come|comes|coming|pop|pops|popping|happen|happens) up (?:a lot|a fair bit|quite a bit|quite a lot|quite often|fairly often|often|all the time|more (?:often )?than you (?:would|might) think)|(?:happens|happen) (?:a fair bit|quite a bit|fairly often|quite often|all the time)/),
    ).filter((m) => !negatedAt(r, m) || /do not|no need|nothing to|not alone|not the|try not|far from|by no means|would not be|you are (?:[a-z]+ly )?not/.test(r.flat.slice(r.flatStart[m.first]!, r.flatStart[m.last]! + 20)));
    const lumps = lumpMatches(r);
    const own = hits.filter((h) => !lumps.some((l) => l.first <= h.last && h.first <= l.last));
    if (own.length === 0) return [];
    return [{ ...NORMALIZES, spans: dedupe(own.map(span)) }];
  },
};


const RELATES = { delta: 1, note: 'A short story of your own says "I know this one", then hands the conversation back.' };

const relates: Detector = {
  id: 'relates',
  skill: 'relating',
  principle: 'P23',
  empathy: true,
  says: RELATES,
  find(r) {
    const stories = ownStories(r);
    if (stories.length === 0 || runsLong(stories)) return [];
    return [{ ...RELATES, spans: stories.flatMap((s) => s.spans) }];
  },
};

const OVERSHARES = { delta: -1, note: 'Your story has taken over their call. Keep it to a sentence, then come back to them.' };

const overshares: Detector = {
  id: 'overshares',
  skill: 'relating',
  principle: 'P23',
  says: OVERSHARES,
  find(r) {
    const stories = ownStories(r);
    if (!runsLong(stories)) return [];
    return [{ ...OVERSHARES, spans: stories.flatMap((s) => s.spans) }];
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
      /congratulations|congrats|congratulate|many happy returns|well done|good for you|(?:i am|we are|we are all) (?:so |really |very |incredibly |truly )?proud of you|(?:that is|what|such|that|what a|such a|that sounds like|that is such|that is a|that is an|it is a|it is an|this is a|this is an) (?:really |absolutely |truly |just |such a |such an )?(?:massive |major |real |proper |big |huge )?(?:wonderful|great|fantastic|brilliant|lovely|amazing|exciting|terrific|superb|fabulous|marvellous|marvelous|happy|good|big|incredible|huge) (?:news|achievement|milestone|moment|step|day|result|occasion)|how (?:exciting|wonderful|lovely|fantastic|brilliant|amazing|thrilling|marvellous|marvelous|fabulous|great)|(?:i am|i'm|we are|we're) (?:so |really |very |absolutely |just |truly )?(?:pleased|happy|delighted|thrilled|glad|chuffed) (?:for you|to hear|for the two of you|for you both|for your|for her|for him|for them)|what an? (?:achievement|milestone|lovely thing|exciting time|wonderful thing)|(?:you|you both|you two) must be (?:so |really |very )?(?:proud|thrilled|delighted|excited|over the moon)|exciting (?:times|news|day|step)|(?:that is|what) (?:wonderful|fantastic|brilliant|amazing|lovely|great)|best wishes|enjoy (?:the|your) (?:new|big)|all the best|over the moon/,
    ).filter((m) => !negatedAt(r, m));
    return foundAt(hits, { delta: 2, note: 'You shared their good news before the business, which is what turns a transaction into a relationship.' });
  },
};

// "Let's" + these is a turn of phrase or a request, not teamwork: "let's say", "let's be honest", "let us know".
const NOT_TEAMWORK = new Set(['say', 'be', 'face', 'hope', 'not', 'know', 'assume', 'pretend', 'call', 'leave', 'agree']);
// The two of them as the ones doing it; "we" only as a proposal ("we can", "we'll"), since "we put them together" is the company.
const TEAM = /\b(?:let us|we (?:can|could|will|shall|are going to|need to|should)|you and i|you and me|the two of us|both of us|between us|us both)\b/;

/** "It's on your side, I'm afraid", "the fault is on your side": where a fault lies, not whose side the rep is on. */
const faultLocation = (r: Reading, m: Match) =>
  textOf(r, m) === 'on your side' && /\b(?:it|that|this|fault|problem|issue|error) (?:is|was|lies|sits)(?: [a-z]+ly| all| squarely)? $/.test(r.flat.slice(Math.max(0, r.flatStart[m.first]! - 40), r.flatStart[m.first]));

const together: Detector = {
  id: 'together',
  skill: 'personalizing',
  principle: 'P16',
  find(r) {
    const hits = [
      ...findAll(
        r,
        /(?:let us) (?:get|sort|work|figure|fix|see|find|look|go|try|make|have a look|put|start|take|check|tackle|deal|crack|walk|do|run|think|talk|build|turn|pick|get you|keep|aim|plan|map)|(?:i am) (?:on your side|in your corner|with you on this|here with you)|(?:you and i|you and me|between us|the two of us|between the two of us)|(?:we are) in this together|team up|(?:with you|alongside you) (?:on this|every step|all the way)|on your side/,
      ),
      // "Let's book you in", "let's find you something": any doing the rep proposes to share.
      ...r.tokens.flatMap((t, i): Match[] => {
        const next = r.tokens.slice(i + 2, i + 5).find((n) => !['just', 'quickly', 'now', 'first', 'then', 'all'].includes(n.norm));
        if (t.norm !== 'let' || r.tokens[i + 1]?.text.replace('\u2019', "'").toLowerCase() !== "'s" || !next || !/^[a-z]+$/.test(next.norm) || NOT_TEAMWORK.has(next.norm)) return [];
        return [{ first: i, last: r.tokens.indexOf(next), start: t.start, end: next.end, groups: [] }];
      }),
      // "Together" counts when the two of them are the ones doing it: "we can watch it together", not "taking them together".
      ...findAll(r, /together/).filter((m) => TEAM.test(sentenceText(r, r.tokens[m.first]!.sentence))),
    ].filter((m) => !negatedAt(r, m) && !inOwnStory(r, m) && !faultLocation(r, m));
    return foundAt(hits, { delta: 1, note: 'Putting yourself on their side turns "you against the company" into "us against the problem".' });
  },
};

export const detectors: readonly Detector[] = [
  namesCustomer, namesFeeling, realApology, nonApology, blamesCustomer, yesBut, fearWords, jargon, commitsAction,
  vagueHandoff, recaps, normalizes, lumpsTogether, relates, overshares, congratulates, together,
];

/** Detectors that count as empathy for the engine's timing rule. */
export const empathyDetectors: ReadonlySet<DetectorId> = new Set(detectors.filter((d) => d.empathy).map((d) => d.id));

/** One finding over every place a detector matched, or none when it matched nowhere. */
function foundAt(hits: Match[], says: { delta: number; note: string }): { delta: number; spans: Span[]; note: string }[] {
  return hits.length === 0 ? [] : [{ ...says, spans: dedupe(hits.map(span)) }];
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

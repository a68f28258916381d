// The detectors of reflecting (P24, P3): naming the customer's feeling, and sharing their good news.
import { negatedAt } from '../grammar';
import { findAll, words, type Match, type Reading, rx } from '../nlp';
import { inOwnStory } from '../stories';
import { dedupe, detectorsOf, foundAt, span } from './spans';

const p24 = detectorsOf('reflecting', 'P24');
const p3 = detectorsOf('reflecting', 'P3');

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

export const namesFeeling = p24('names-feeling', {
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
});

export const congratulates = p3('congratulates', {
  empathy: true,
  find(r, ctx) {
    if (ctx.clue?.news !== 'good') return [];
    const hits = findAll(
      r,
      /congratulations|congrats|congratulate|many happy returns|well done|good for you|(?:i am|we are|we are all) (?:so |really |very |incredibly |truly )?proud of you|(?:that is|what|such|that|what a|such a|that sounds like|that is such|that is a|that is an|it is a|it is an|this is a|this is an) (?:really |absolutely |truly |just |such a |such an )?(?:massive |major |real |proper |big |huge )?(?:wonderful|great|fantastic|brilliant|lovely|amazing|exciting|terrific|superb|fabulous|marvellous|marvelous|happy|good|big|incredible|huge) (?:news|achievement|milestone|moment|step|day|result|occasion)|how (?:exciting|wonderful|lovely|fantastic|brilliant|amazing|thrilling|marvellous|marvelous|fabulous|great)|(?:i am|i'm|we are|we're) (?:so |really |very |absolutely |just |truly )?(?:pleased|happy|delighted|thrilled|glad|chuffed) (?:for you|to hear|for the two of you|for you both|for your|for her|for him|for them)|what an? (?:achievement|milestone|lovely thing|exciting time|wonderful thing)|(?:you|you both|you two) must be (?:so |really |very )?(?:proud|thrilled|delighted|excited|over the moon)|exciting (?:times|news|day|step)|(?:that is|what) (?:wonderful|fantastic|brilliant|amazing|lovely|great)|best wishes|enjoy (?:the|your) (?:new|big)|all the best|over the moon/,
    ).filter((m) => !negatedAt(r, m));
    return foundAt(hits, { delta: 2, note: 'You shared their good news before the business, which is what turns a transaction into a relationship.' });
  },
});

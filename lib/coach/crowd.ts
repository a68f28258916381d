// Who a reply lumps the customer in with: the crowd ("we get this all the time", "you and everyone else") and
// other identifiable customers ("a lady this morning had the same"), for lumps-together and the detectors that defer to it.
import { findAll, sentenceText, words, type Match, type Reading, type Token, rx } from './nlp';

// ---- The crowd, as word classes ----------------------------------------------------------------

/** Amounts that make a crowd: "loads of", "a great many", "a steady stream of". */
export const MANY = words([
  'loads', 'lots', 'a lot', 'plenty', 'dozens', 'hundreds', 'thousands', 'scores', 'heaps', 'tons', 'masses', 'a great many',
  'a good many', 'so many', 'too many', 'countless', 'no end', 'a stream', 'a steady stream', 'a constant stream', 'a flood',
  'a string', 'a run', 'a pile', 'a stack', 'a number', 'a fair few', 'quite a few', 'a fair number', 'a huge number',
  'a large number', 'a good number', 'a whole load', 'a bunch', 'a few', 'several', 'a couple', 'endless', 'any number',
]);
/** Counts, for "one of about forty people". */
const COUNT = `(?:\\d+|${words(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'a hundred', 'a dozen', 'half a dozen', 'many', 'the many'])})`;
/** People a customer can be one of. */
export const CROWD_PEOPLE = words([
  'people', 'customers', 'callers', 'clients', 'guests', 'tenants', 'residents', 'members', 'users', 'patients', 'passengers',
  'parents', 'drivers', 'folk', 'folks', 'households', 'families', 'neighbours', 'neighbors', 'owners', 'students', 'shoppers',
  'travellers', 'travelers', 'homeowners', 'others', 'of you', 'of them', 'riders', 'pensioners', 'buyers', 'account holders',
]);
/** What a crowd sends in: "hundreds of calls", "letters like yours". */
const CROWD_CONTACTS = words([
  'calls', 'letters', 'emails', 'complaints', 'queries', 'enquiries', 'inquiries', 'messages', 'requests', 'questions', 'claims',
  'cases', 'reports', 'returns', 'visits', 'texts', 'chats', 'disputes', 'issues', 'problems',
]);
/** Places whose people make a crowd: "half the street", "the whole estate". */
const CROWD_PLACES = words([
  'street', 'road', 'town', 'village', 'estate', 'block', 'building', 'city', 'country', 'county', 'area', 'neighbourhood',
  'neighborhood', 'world', 'school', 'class', 'close', 'avenue', 'site', 'island', 'floor', 'office', 'region',
]);
/** One customer, as a rep would speak of another: "a lady last month stored with us…", "the couple at number twelve". */
const PEOPLE = [
  'customer', 'lady', 'gentleman', 'man', 'woman', 'parent', 'caller', 'client', 'chap', 'guy', 'family', 'couple', 'student',
  'tenant', 'patient', 'passenger', 'rider', 'bloke', 'fella', 'girl', 'boy', 'pensioner', 'mum', 'dad', 'traveller', 'traveler',
  'person', 'resident', 'member', 'user', 'household', 'owner', 'guest', 'shopper', 'buyer', 'regular', 'lad', 'lass',
];
const OTHER_PEOPLE = new Set(PEOPLE);
const PERSON = words([...PEOPLE, 'old boy', 'old dear', 'neighbour of yours', 'neighbor of yours']);
/** Getting in touch, which is what a crowd of callers does: "half the street has rung", "forty people who've phoned". */
const GETS_IN_TOUCH = words([
  'rung', 'rang', 'ring', 'rings', 'ringing', 'called', 'call', 'calls', 'calling', 'phoned', 'phone', 'phones', 'phoning',
  'emailed', 'email', 'emails', 'emailing', 'written in', 'wrote in', 'write in', 'writes in', 'complained', 'complain',
  'complains', 'complaining', 'come in', 'came in', 'comes in', 'coming in', 'been in', 'been on the phone', 'been on to us',
  'been onto us', 'been in touch', 'got in touch', 'get in touch', 'gets in touch', 'messaged', 'message', 'messaging',
  'contacted', 'contact', 'contacts', 'moaned', 'asked', 'asking', 'chased', 'reported',
]);
/** How often the crowd turns up: "every time rates move", "all day". */
const OFTEN = `(?:every (?:single )?(?:day|week|month|year|time|morning|evening|summer|winter|monday|weekend|january|april)|all (?:the time|day|week|year)|daily|weekly|constantly|non-stop|at this time of year|whenever)`;
// Past forms, for stories about other people: "had", "rang", "lost".
const pastVerb = (t: Token) => (t.pos === 'VERB' && t.lemma !== t.norm && !/(?:ing|s)$/.test(t.norm)) || ['was', 'were', 'had', 'did'].includes(t.norm);
// When another customer's case happened, told as the rep's day: "this morning", "the other day".
const RECENTLY = /\b(?:this (?:morning|afternoon|week|month)|earlier|yesterday|last (?:week|month|night|year)|the other day|just now|today|before you|an hour ago|a minute ago)\b/;
// What makes another person's story "the same as yours": the comparison that lumps them together.
const SIMILAR = /\b(?:same|similar|too|also|as well|exactly this|exactly that|just like you|like yours|identical)\b/;
// Where another customer lives, which makes them identifiable: "a customer on your road", "a lady up the street".
const NEARBY = /\b(?:on|in|up|down|across|along|round|off) (?:your|the|the next|this) (?:road|street|lane|close|avenue|estate|block|building|village|corner|way)\b|\b(?:next door|across the road|over the road|up the road|down the road|round the corner)\b/;

/**
 * Whether the sentence around a person tells another customer's case: like theirs, recent or a neighbour's ("a lady
 * this morning had the same", "a customer on your road"). "There was a man at the door who signed for it" is what
 * happened to their own parcel.
 */
function anotherCase(r: Reading, m: Match): boolean {
  const sentence = sentenceText(r, r.tokens[m.first]!.sentence);
  return SIMILAR.test(sentence) || RECENTLY.test(sentence) || NEARBY.test(sentence);
}

const LUMP_PATTERNS = [
  `(?:everyone|everybody|all (?:our|the|my) customers|all of them|they all|people always|customers always) (?:does|do|says|say|makes|make|has|have|is|are|forgets|forget|gets|get|asks|ask|calls|call|thinks|think|falls|fall|complains|complain|tries|try|misses|miss|panics|panic|ends up|end up)`,
  `we (?:get|see|hear|have|receive|deal with) (?:this|that|these|it|(?:this|that|these|those) (?:sort|kind|type|sorts|kinds|types) of [a-z]+|that one|this one|(?:loads|hundreds|lots|a lot|plenty|dozens) of (?:these|those|them|[a-z]+ like (?:this|that|yours))|[a-z]+ like (?:this|that|yours))(?: all the time| every day| every week| constantly| daily| non-stop| all day| a lot| at this time of year| every single day)`,
  `we (?:get|receive|see|deal with) (?:loads|hundreds|lots|a lot|plenty|dozens|so many) of [a-z]+ like (?:this|that|yours)`,
  `(?:a|another|one) (?:customer|lady|gentleman|man|woman|parent|caller|client|chap|guy|family|couple|student|tenant|patient|passenger|rider|driver|mum|dad) (?:[a-z0-9]+ ){0,4}(?:had|was|did|lost|said|called|rang|came|wrote|got|made|left|asked|tried|complained|phoned|emailed)`,
  `(?:with|from|for) an? (?:mr|mrs|ms|miss|dr) [a-z]+`,
  `(?:everyone|everybody) (?:'s|is|are|has|have) (?:been )?(?:in the same|[a-z]+ing)`,
  // "We get a lot of complaints about…": the rep's crowd of callers.
  `we (?:get|see|hear|receive|deal with|handle|take) (?:a lot of|lots of|loads of|so many|plenty of|hundreds of|dozens of|tons of|no end of|a fair few|endless) (?:[a-z]+ )?(?:complaints|calls|queries|emails|people|customers|cases|questions|claims|issues|disputes|requests|messages|reports|callers|these|those|them)`,
  `you people|(?:customers|people|folk|folks|guests|tenants|drivers|parents|patients|students|members|users|callers|owners|passengers) like you(?:rself)?\\b|your sort|your type|you lot`,
  // "You're the fifth person today to ask", "half our callers today have had the same".
  `you are (?:the|about the|like the) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+th|\\d+(?:st|nd|rd|th)|umpteenth|latest|next|hundredth|millionth) (?:person|customer|caller|one|guest|patient|member|tenant)`,
  `(?:half|most|all|loads|lots|a lot|plenty|so many|dozens|hundreds|a few|several) (?:of )?(?:our|my|the|today 's) (?:callers|customers|clients|guests|patients|members|users|tenants|passengers|calls) (?:[a-z]+ ){0,3}(?:today|this morning|this week|this month|all day|the same)`,
  `we (?:have|get|see) (?:people|customers|folk|folks|callers|[a-z]+s) (?:[a-z]+ ){0,3}(?:every day|every week|every weekend|all the time|daily|all day|constantly|non-stop)`,
  `we (?:have been|are being|are|were|have been absolutely|are absolutely) (?:inundated|flooded|swamped|snowed under|bombarded|overrun|run off our feet|rushed off our feet)`,
  `(?:had|seen|spoken to|dealt with|served) (?:two|three|four|five|six|seven|eight|a few|several|loads|lots|a dozen|half a dozen|a couple) (?:of you|people|customers|callers|others)(?: [a-z]+){0,2} (?:today|this morning|this week|already|with the same)`,
  `we (?:have |have been |are )?(?:get|getting|got|had|see|seen|seeing|hear|heard|receive|received|deal with|dealt with|dealing with|handle|handled)(?: [a-z]+)? (?:a few|a couple|loads|lots|a lot|plenty|dozens|hundreds|so many|a number|quite a few|several|a handful|a stack|a pile|a run) of (?:these|those|them|this|that|[a-z]+ like (?:this|that|yours))`,
  `(?:i|we) (?:had|spoke to|dealt with|saw|got) (?:a|another|one|this|the same) (?:lady|man|gentleman|woman|customer|chap|guy|caller|bloke|girl|fella|couple|family|client|person|student|pensioner|mum|dad|old boy|old dear) (?:this morning|earlier|yesterday|last week|just now|today|who|in|on|before you|that|from)`,
  // "I spoke to a retired policeman who…": a person known by their "who".
  `(?:i|we) (?:have )?(?:spoke to|spoken to|talked to|dealt with|served|helped) (?:a|an|another|one) (?:[a-z-]+ ){0,2}[a-z]+ who\\b`,
  `(?:another|one of (?:our|my) other|the last|the previous) (?:customer|caller|client|lady|gentleman|man|woman|chap|guy)(?: |$)`,
  `(?:the (?:lady|man|gentleman|woman|chap|guy|customer|person|couple) (?:before you|ahead of you|earlier|this morning|in the queue|on the phone))`,
  `(?:mr|mrs|ms|miss) [a-z]+ (?:from|down|up|over|round|at|in) (?:the|number|no|on)`,
  `(?:hundreds|thousands|dozens|loads|tons) of (?:people|customers|calls|callers|you) (?:a|every|each|per) (?:day|week|month)`,
  `you are (?:just )?(?:one of|like) (?:many|all the others|everyone else|the rest)`,
  `(?:it|this|that) happens to everyone`,
  `(?:everyone|everybody) (?:does|makes|has done|has made|falls for) (?:that|this|it|the same)`,
];
/** Another customer's story, told by its past-tense verb: "a/another/one [person] … [did something]". */
function otherCustomerStories(r: Reading): Match[] {
  const out: Match[] = [];
  r.tokens.forEach((t, i) => {
    if (!OTHER_PEOPLE.has(t.norm) || !['a', 'an', 'another', 'one'].includes(r.tokens[i - 1]?.norm ?? '')) return;
    for (let j = i + 1; j <= i + 5 && j < r.tokens.length; j++) {
      const v = r.tokens[j]!;
      // "given to another patient because you were late": the person is not the one who did it.
      if (v.sentence !== t.sentence || v.pos === 'PUNCT' || (v.pos === 'PRON' && v.norm !== 'who') || v.pos === 'SCONJ') break;
      if (['will', 'would', 'can', 'could', 'may', 'might', 'should', 'must'].includes(v.norm)) break;
      if (pastVerb(v)) {
        out.push({ first: i - 1, last: j, start: r.tokens[i - 1]!.start, end: v.end, groups: [] });
        break;
      }
    }
  });
  // "Another customer" is always someone else's case; "a man" only when the sentence makes it one.
  return out.filter((m) => r.tokens[m.first]!.norm === 'another' || anotherCase(r, m));
}

/**
 * "One of about forty people", "you and every other parent", "like the rest": the customer counted as one of a crowd,
 * however the crowd is said.
 */
function oneOfTheCrowd(r: Reading): Match[] {
  return [
    `one of (?:about |around |roughly |nearly |almost |over |more than |at least )?(?:${COUNT}|${MANY}(?: of)?) (?:[a-z-]+ ){0,2}${CROWD_PEOPLE}`,
    `you and (?:everyone|everybody|all the others|the rest|every other [a-z]+|half (?:of )?(?:the|this) [a-z]+)`,
    // "Sit with everyone else" only says where; "like everyone else" says they are no different.
    `(?:like|same as|just like|along with) (?:everyone|everybody) else|(?:like|same as|just like|along with) (?:all )?the (?:rest|others)(?: of (?:them|us|${CROWD_PEOPLE}))?(?! of)`,
    `every other ${PERSON}\\b|(?:join|welcome to) the club`,
  ].flatMap((p) => findAll(r, p));
}

/**
 * "Everyone's bill went up": their problem made everyone's. wink reads the possessive "'s" as a particle, which
 * tells it apart from "everyone's been", "everyone's welcome".
 */
function everyonesThing(r: Reading): Match[] {
  return r.tokens.flatMap((t, i): Match[] => {
    const s = r.tokens[i + 1];
    const noun = r.tokens.slice(i + 2, i + 4).find((n) => n.pos === 'NOUN');
    if (!/^every(?:one|body)$/.test(t.norm) || s?.norm !== "'s" || s.pos !== 'PART' || !noun) return [];
    return [{ first: i, last: r.tokens.indexOf(noun), start: t.start, end: noun.end, groups: [] }];
  });
}

/**
 * The volume of people getting in touch, however it is put: "we've had hundreds of calls about it", "we receive a
 * great many letters like yours", "we get letters like yours every time rates move", "half the street has rung".
 */
function crowdGettingInTouch(r: Reading): Match[] {
  const weHear = '(?:we|i) (?:(?:have|had|have been|had been|are|were|am|do|did|will|also|already|just|really|still|always|often|usually|regularly|even|constantly) )*(?:get|gets|got|getting|have|had|having|see|saw|seen|seeing|hear|heard|hearing|receive|received|receiving|take|took|taken|taking|field|fielded|fielding|deal with|dealt with|dealing with|handle|handled|handling|answer|answered|answering)';
  const crowd = `(?:${CROWD_PEOPLE}|${CROWD_CONTACTS})`;
  // Words before the crowd may describe it ("angry calls"), but "your messages" are the customer's own.
  const NOT_THEIRS = '(?:(?!your |you )[a-z-]+ ){0,2}';
  return [
    // …a quantity of them ("loads of these"), or ones like theirs, or so often it is routine.
    `${weHear} (?:(?:in|through|here|today|already|this week) )*(?:${MANY} (?:of )?(?:${NOT_THEIRS}${crowd}|these|those|them)|${NOT_THEIRS}${crowd} (?:just )?like (?:yours|this|that|you|these|those)|(?:[a-z-]+ )?${crowd} (?:[a-z]+ ){0,4}${OFTEN})(?! from you)`,
    // A crowd as the ones who rang: "half the street has been on the phone", "forty people who've rung".
    `(?:half|most|all|the whole|the rest) (?:of )?(?:the |this |your |our )?(?:${CROWD_PLACES}|${CROWD_PEOPLE}) (?:round here |here |today |this morning )?(?:who |that )?(?:(?:have|has|had|is|are|was|were|been|also|already) )*${GETS_IN_TOUCH}\\b`,
    `(?:${COUNT}|${MANY}(?: of)?) (?:[a-z-]+ )?${CROWD_PEOPLE} (?:who |that )?(?:(?:have|has|had|already|also) )*${GETS_IN_TOUCH}\\b(?:[a-z ]{0,40}\\b(?:today|this morning|this week|already|about (?:it|this|that|the same)))`,
  ].flatMap((p) => findAll(r, p));
}

/**
 * Another identifiable customer: introduced as one ("there was a gentleman on the phone this morning", "I had a
 * chap in"), known by where they live or when they came ("the couple at number twelve", "the last caller I spoke
 * to", "Mrs Patel", "Mr Hughes from the bakery"), and then told as a story like theirs (a past verb and "same",
 * "too", "similar"). Our own staff are named in the future ("our engineer, Mr Patel, will…") and are not stories.
 */
function otherIdentifiableCustomers(r: Reading): Match[] {
  const introduced = findAll(r, rx`(?:there (?:was|were|has been)|(?:i|we) (?:have |had )?(?:had|spoke to|spoken to|served|helped|dealt with|saw|seen)) (?:a|an|another|one) (?:[a-z-]+ ){0,2}${PERSON}(?= (?:on|in|at|from|this|earlier|yesterday|last|who|with|just|,|\\.)|$)`);
  const known = [
    `the (?:last|previous|other|earlier|first|next) ${PERSON}`,
    `the ${PERSON} (?:at number|at no|next door|down the road|up the road|across the road|over the road|round the corner|opposite|on your (?:street|road)|from (?:the|number|up|down|across))`,
    `(?:mr|mrs|ms|miss|dr) [a-z]+(?= (?:from|at|down|up|over|round|across|next door|had|was|did|rang|called|came|lost|got|phoned|emailed|said|told))`,
    `(?:someone|somebody) else|one of (?:our|my|the) (?:other )?(?:regulars|${CROWD_PEOPLE})`,
  ].flatMap((p) => findAll(r, p));
  // A known person must be told as like theirs, since "Mr Hughes rang the depot yesterday" may be a colleague.
  const toldAsLikeTheirs = known.filter((m) => {
    const rest = r.tokens.slice(m.last + 1).filter((t) => t.sentence === r.tokens[m.first]!.sentence);
    // "Dear Mr Kim," and "Thanks, Ms Rao" speak to the customer, not about someone else.
    if (/^(?:dear|hi|hello|thanks|thank you|morning|afternoon|evening)$/.test(r.tokens[m.first - 1]?.norm ?? '')) return false;
    return rest.some(pastVerb) && SIMILAR.test(sentenceText(r, r.tokens[m.first]!.sentence));
  });
  return [...introduced.filter((m) => anotherCase(r, m)), ...toldAsLikeTheirs];
}

const lumpsOf = new WeakMap<Reading, Match[]>();
/** Every "one of a crowd" phrase in a reply, negated or not. */
export function lumpMatches(r: Reading): Match[] {
  let found = lumpsOf.get(r);
  if (!found) {
    found = [
      ...LUMP_PATTERNS.flatMap((p) => findAll(r, p)),
      ...otherCustomerStories(r),
      ...oneOfTheCrowd(r),
      ...everyonesThing(r),
      ...crowdGettingInTouch(r),
      ...otherIdentifiableCustomers(r),
    ];
    lumpsOf.set(r, found);
  }
  return found;
}

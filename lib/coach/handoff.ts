// Vague handoffs: the next step passed to someone else, or to nobody, with no owner who will act by a given time.
// Read as families on the clause rather than listed phrasings: who the next step's subject is (another team,
// "someone", the customer sent elsewhere), passives with no agent or a team as agent, the modal and the class of verb
// (passing on, handling, getting back), negation, and whether a named owner and a concrete time come with it.
import { negatedAt } from './grammar';
import { findAll, words, type Match, type Reading, rx } from './nlp';

// ---- Verb and noun classes ---------------------------------------------------------------------

/** What a handoff promises: someone else getting back, looking into it, being in touch, deciding. */
const HANDOFF_VP =
  '(?:get back(?! from| home)|help you(?: with (?:that|this|it))?(?! (?:to|carry|with (?:the|your)))|send (?:someone|somebody|an engineer|a technician|a team)(?: out| round)?|be in touch|be in contact|get in touch|contact you|(?:call|ring|phone) you(?! (?:in|through|over|forward|next)\\b)|(?:pop|come|drop|nip|call) (?:round|by|over|out)|email you|write to you|reach out|look (?:into|at) (?:it|this|that|your [a-z]+|the [a-z]+)|review (?:it|this|that|your [a-z]+)|deal with (?:it|this|that)|follow (?:it |this |that )?up|come back to you|pick (?:it|this|that) up|be with you|respond|reply|investigate|sort (?:it|this|that)|arrange|rearrange|handle (?:it|this|that)|take it from (?:here|there)|update you|let you know|advise you|help (?:you )?further|assist (?:you )?further|drop you (?:a|an) (?:line|email|note|text|message)|give you (?:a )?(?:call|ring|bell|shout)|authori[sz]e (?:it|this|that)|approve (?:it|this|that)|make (?:a|the) decision|decide)';
/** "I'll make sure your feedback reaches the right people": only that someone else will have it. */
export const REACHES_THE_RIGHT_PEOPLE = '(?:reaches|gets to|goes to|gets passed to|is passed to) the (?:right|relevant|appropriate|correct) (?:people|person|team|department)';
/** Passing it on: a handoff in any passive ("it's been passed on", "was forwarded to the team"). */
export const HANDED_ON = '(?:passed|forwarded|escalated|referred|handed|transferred)';
/** Passive participles of handling: pending ("will be looked into") or done by another team ("are dealt with by claims"). */
const HANDLED =
  '(?:looked into|looked at|investigated|reviewed|dealt with|handled|sorted|passed on|picked up|followed up|resolved|addressed|actioned|processed|progressed|escalated|assessed|considered|forwarded|referred|chased|scheduled|rescheduled|rebooked|rearranged|arranged|organised|organized|reassessed|re-examined|taken care of|looked after|sorted out|put right|managed|decided|authori[sz]ed|approved|signed off)';
/**
 * Who can take a case on without being anyone in particular: a team, a desk, a department. A queue or a workflow is
 * where a case waits, not who takes it: "then it goes into the repair queue" describes the process.
 */
const BODIES = [
  'team', 'teams', 'department', 'departments', 'dept', 'office', 'desk', 'people', 'lot', 'side', 'colleagues', 'specialists',
  'shift', 'unit', 'centre', 'center', 'services', 'service', 'staff', 'contractor', 'contractors', 'partner', 'partners',
  'provider', 'council', 'authority', 'board', 'panel', 'insurer', 'insurers', 'manufacturer', 'lab', 'laboratory', 'helpline',
  'branch', 'head office',
];
const BODY = words(BODIES);
/** A person's job: an owner when a time comes with it ("the engineer will come out on Tuesday between 8 and 12"). */
const ROLES = new Set([
  'engineer', 'technician', 'plumber', 'electrician', 'nurse', 'doctor', 'gp', 'vet', 'dentist', 'driver', 'courier', 'manager',
  'surveyor', 'inspector', 'assessor', 'fitter', 'locksmith', 'pharmacist', 'supervisor', 'adviser', 'advisor', 'caseworker',
  'midwife', 'consultant', 'solicitor', 'physio', 'receptionist', 'caretaker', 'builder', 'installer',
]);
/** Anyone outside the conversation a customer can be sent to: a body, a job, or an outside organisation. */
const PARTY = words([
  ...BODIES, ...ROLES, 'councillor', 'mp', 'ombudsman', 'embassy', 'consulate', 'bank', 'police', 'landlord', 'agent', 'company',
  'airline', 'retailer', 'supplier', 'network', 'surgery', 'hospital', 'court', 'tribunal', 'regulator', 'line', 'number',
]);
/** Going somewhere sends them only to someone: "go to the post office", not "go to the settings page". */
const toParty = (verb: string) => `${verb} (?:them|(?:the|your|a|an|their|our) (?:[a-z-]+ ){0,3}${PARTY})`;
/** Ways of getting in touch with someone else, which the customer is sent to do. */
const CONTACT = [
  'call', 'ring', 'phone', 'contact', 'email', 'write to', 'speak to', 'speak with', 'talk to', 'talk with', 'get in touch with',
  'reach out to', 'go and see', 'pop back', 'pop in', 'complain to', 'apply to', 'check with', 'chase', 'ask (?:them|him|her|your|the|at)', 'report (?:it|this|that) to',
  'raise (?:it|this|that) with', 'take (?:it|this|that) up with', 'get hold of', 'get on to', 'get onto', 'appeal to',
  'refer (?:it|this|that) to', 'give (?:them|him|her|the [a-z]+) a (?:ring|call|bell|shout|try)',
  // "See" and "try" are everyday verbs ("you should see it by Friday", "try the reset button"); with a person or a line they send.
  'see (?:your|a|the) (?:gp|doctor|pharmacist|dentist|vet|optician|nurse|solicitor|bank|council)',
  'try (?:them|their (?:number|email|line|office|website|helpline)|the [a-z]+ (?:line|team|office|desk|department|helpline))',
  ...['go to', 'go back to', 'go into', 'head to', 'pop into', 'pop down to', 'pop over to'].map(toParty),
];
// Doubled before "-ing" ("pop" → "popping"); the rest drop a final "e" ("write" → "writing") or just add it.
const DOUBLES = new Set(['pop', 'get', 'chat', 'refer']);
const gerund = (phrase: string) =>
  phrase.replace(/^[a-z]+/, (v) => (DOUBLES.has(v) ? `${v}${v.at(-1)}ing` : /[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : `${v}ing`));
const CONTACT_VERB = `(?:${CONTACT.join('|')})`;
const CONTACTING = `(?:${CONTACT.map(gerund).join('|')})`;
/** The customer's obligation or best course: "you'll need to", "you may wish to", "you'd want to". */
const SENT_MODAL =
  '(?:(?:will |would |may |might |will then |would then )?(?:need to|have to|want to|must|should|ought to|wish to|are best to|could try|can try|could always|can always)|are going to have to|would do better to|might like to)';
/** Said to the company itself, so not sending them elsewhere: "call us back", "ring me". */
const TO_US = '(?! (?:us|me|back|ahead|this|here|our (?:number|line))\\b)';

/** A concrete time: a clock time, a day, "within the hour". "Soon" and "at some point" are not. */
const CONCRETE_TIME = new RegExp(
  `\\b(?:(?:by|before|at|on|until|between|from) (?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|lunchtime|the end of (?:the day|today))|today|tomorrow|tonight|this (?:morning|afternoon|evening)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within (?:the hour|the next|\\d|an? |one|two|three|twenty|thirty))\\b`,
);
const VAGUE_TIME = /\b(?:at some point|some time|sometime|soon|shortly|in due course)\b/;
// Days and months are capitalised like names; they give a time, not an owner.
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter)$/;
/**
 * The rep, or the company speaking as "we", keeping the follow-up: "…and I'll ring you back by three", "I'll check it's
 * gone through and message you tomorrow", "I'm sending an engineer now". A few words may come between, within the
 * clause, but not another subject ("I'm afraid they'll call you", "I'll make sure you get a call" are someone else's).
 */
const REP_FOLLOWS_UP =
  /\b(?:i|we) (?:will|am going to|are going to|shall|am|are) (?!afraid|sure|sorry|not|never)(?:(?!(?:they|he|she|someone|somebody|you) )[a-z']+ ){0,6}?(?:call|calling|ring|ringing|phone|phoning|email|emailing|text|texting|message|update|contact|write to|get back to|come back to|check in with|chase|chasing|send|sending|book|booking)\b/;

// ---- Families ----------------------------------------------------------------------------------

/**
 * The subject of the clause whose verb group starts at `at`: back over auxiliaries, "to" and adverbs ("it'll have to
 * go", "I had to go"), and past a prepositional phrase to its head ("somebody from there should", "Priya in billing
 * will"). After "and", "but" or "then" the subject is the last pronoun before it ("I'm looking into it and will reply").
 */
function subjectBefore(r: Reading, at: number): string {
  let j = at - 1;
  while (j >= 0 && (['AUX', 'PART', 'ADV'].includes(r.tokens[j]!.pos) || /^(?:have|had|has|need|needs|needed|got)$/.test(r.tokens[j]!.norm))) j--;
  if (j >= 2 && r.tokens[j - 1]!.pos === 'ADP' && r.tokens[j - 1]!.sentence === r.tokens[at]!.sentence) j -= 2;
  const t = r.tokens[j];
  if (!t || t.sentence !== r.tokens[at]!.sentence) return '';
  if (['and', 'but', 'then', 'or'].includes(t.norm)) {
    const s = r.sentences[t.sentence]!;
    return r.tokens.slice(s.firstToken, j).reverse().find((p) => /^(?:i|i am|i have|we|you|they|he|she|it)$/.test(p.norm))?.norm ?? t.norm;
  }
  return t.norm;
}
// The rep keeping it ("I will call you") is ownership, not a handoff; "it" and "you" are not people passing it on.
const NOT_ANOTHER = /^(?:i|i am|i have|me|you|we|us|it|this|that|there|which)$/;

/**
 * Anyone but the rep getting back or looking into it ("housekeeping will look into it", "somebody from there should
 * drop you an email", "head office would have to authorise it"); in the present, someone else who deals with it
 * ("someone else deals with appeals", "they look after deposits").
 */
function othersWillAct(r: Reading): Match[] {
  // "We" hands off only when it promises to get back without a time (weWillGetBack).
  // The match starts at the word before the modal, so the finding shows who: "someone will get back".
  const willAct = findAll(r, rx`(?:^|[a-z]+ )(?:will|should|can|may|might|is going to|are going to|would)(?: be able to| then| also| now| need to| have to| usually| normally)? ${HANDOFF_VP}`).filter(
    (m) => !NOT_ANOTHER.test(subjectBefore(r, r.tokens[m.first]!.pos === 'AUX' ? m.first : m.first + 1)),
  );
  const elsewhere = findAll(
    r,
    rx`(?:someone|somebody|another team|a different team|the other team|they|(?:the|our|a) (?:[a-z-]+ ){0,2}${BODY})(?: else)? (?:deals? with|handles?|looks? after|looks? into|process(?:es)?|manages?|reviews?|decides?|takes? care of|sorts? out)(?! you\\b)`,
  );
  // The rep handing it to nobody in particular: "I'll get someone to call you back", "I'll ask a colleague to look at it".
  const delegated = findAll(r, rx`(?:get|have|ask) (?:someone|somebody|a colleague|one of (?:the|my|our) (?:team|colleagues)|the team) (?:to )?${HANDOFF_VP}`);
  // Someone at work on it, some time: "our technical team are investigating", "they're looking into it".
  const atWork = findAll(r, /(?:are|is) (?:currently |still |now |busy )?(?:investigating|looking into (?:it|this|that)|looking at (?:it|this|that)|dealing with (?:it|this|that))/).filter(
    (m) => !/^(?:i|i am)$/.test(subjectBefore(r, m.first + 1)),
  );
  return [...willAct, ...elsewhere, ...delegated, ...atWork];
}

/** "We'll get back to you", "we'll let you know": the company promising contact, which has an owner only with a time. */
function weWillGetBack(r: Reading): Match[] {
  return findAll(r, /we (?:will|shall) (?:then |also )?(?:get back to you|be in touch|get in touch|be in contact|be back in touch|contact you|let you know|update you|come back to you|write to you|notify you)/);
}

/**
 * It has been passed on, to nobody in particular: "it's been passed on", "maintenance have been notified", "it's been
 * reported to waste services", "it's been raised with IT", "I'll pass it on". Wink spells every "'s" as "is", so
 * "it's been" reads "it is been".
 */
function passedOn(r: Reading): Match[] {
  return [
    ...findAll(r, rx`(?:(?:has|have|had|is) (?:now |just |already )?been|is being|are being|is|are) ${HANDED_ON}(?: (?:on|over|up|along))?`),
    // In the simple past it is the case's history ("yours was referred for subrogation, so…"), a handoff only when it went to a team.
    ...findAll(r, rx`(?:was|were) ${HANDED_ON} (?:on |over )?to (?:the|our|a|another) (?:[a-z]+ ){0,3}(?:team|department|colleagues|specialists|people|desk|office)`),
    ...findAll(r, /(?:ticket|case|complaint|request|report|query|fault|issue|incident|claim|referral|feedback|concerns?|comments?|it|this|that) (?:(?:has|have|had|is|are) (?:now |just |already )?been|is|are|was|were) (?:raised|logged|noted|recorded)/).filter(
      // "the fault code that's logged is a P0420" describes the noun before it; it passes nothing on.
      (m) => !(r.tokens[m.first]!.norm === 'that' && ['NOUN', 'PROPN'].includes(r.tokens[m.first - 1]?.pos ?? '')),
    ),
    // Reported, flagged, raised or sent are the customer's own acts too ("the card was reported stolen"), so they pass it on only to someone.
    ...findAll(r, rx`(?:(?:has|have|had|is) (?:now |just |already )?been|is|are|was|were) (?:sent|logged|raised|noted|put through|reported|flagged) (?:on |over |up )?(?:to|with) (?:the |our |a |another |their )?(?:[a-z-]+ ){0,3}(?:${BODY}|them|[a-z]+ services)\\b`),
    // Someone told and left to it: "maintenance have been notified", "the team has been made aware". Not "you've been notified".
    ...findAll(r, /(?:has|have) (?:now |just |already |also )?been (?:notified|alerted|informed|made aware)/).filter((m) => !/^(?:you|i|we)$/.test(r.tokens[m.first - 1]?.norm ?? '')),
    ...findAll(
      r,
      /i (?:have |will |am going to |can |shall |will need to |need to |will have to |have to )?(?:just )?(?:pass|passed|forward|forwarded|escalate|escalated|refer|referred|hand|handed|send|sent|flag|flagged|report|reported|raise|raised) (?:this|it|that|your [a-z]+(?: [a-z]+)?|the [a-z]+) (?:on|over|along|upwards|up the (?:chain|line)|higher(?: up)?|up|(?:to|with) (?:them|someone|somebody|a colleague|another (?:team|department|colleague)|the right (?:people|person|team)|(?:the|our|another) [a-z]+ (?:team|department)))/,
    ),
    ...findAll(r, REACHES_THE_RIGHT_PEOPLE),
    // Left for another team: "I've put a note on the system for the day team", "I'll leave it with the night shift".
    ...findAll(r, rx`(?:put|left|leave|leaving|added|made) (?:it|this|that|a note|a message) (?:on (?:the|your) [a-z]+ )?(?:for|with) (?:the|our) (?:[a-z-]+ ){0,2}${BODY}\\b`),
    // What the customer must do with it, passively: "any dispute should be raised with the billing team", "representations should be sent to your local councillor".
    ...findAll(r, rx`(?:should|must|can|may|need to|needs to|has to|have to) (?:then |also |instead )?be (?:raised|sent|reported|directed|addressed|submitted|made|referred|put) (?:in writing )?(?:to|with) (?:the|your|our|a|an|another|their) (?:[a-z-]+ ){0,3}${PARTY}\\b`),
  ];
}

/**
 * Handled by someone, some time: pending ("it will be looked into", "it's being looked into", "it'll get picked up"),
 * or, in the present, by another team ("damaged parcels are dealt with by our claims people", "feedback is reviewed
 * by the in-flight services department", "claims are handled separately"). Not done already: "it's been looked at,
 * the electrician replaced it".
 */
function handledElsewhere(r: Reading): Match[] {
  return [
    ...findAll(r, rx`(?:will|should|may|might|must|can|would|is going to|are going to|needs? to|has to|have to|will (?:need|have) to) (?:then |now |also |first |still )?be ${HANDLED}`),
    ...findAll(r, rx`(?:is|are) (?:now |currently |still |already )?being ${HANDLED}`),
    ...findAll(r, rx`(?:get|gets|will get|would get|should get|can get) (?:${HANDLED}|${HANDED_ON})\\b`),
    ...findAll(r, rx`(?:is|are) (?:all |usually |normally |always |only |generally |then )?(?:${HANDLED}|reset) (?:separately|elsewhere|by (?:the|our|a|an|another|their) (?:[a-z-]+ ){0,4}?${BODY}\\b|by (?:a|another) (?:different|separate) [a-z]+)`),
    // "Your complaint is now with the relevant department". Waiting in a queue is the case's status, not a handoff.
    ...findAll(r, rx`(?:is|are|sits|has been|have been) (?:now |currently |already |still )?(?:sitting )?with (?:the|our|a|another|their) (?:[a-z-]+ ){0,3}${BODY}\\b`).filter(
      (m) => !/^(?:you|i|we)$/.test(r.tokens[m.first - 1]?.norm ?? ''),
    ),
    // Sent off to be handled by someone unnamed: "it's gone off to the warehouse to be checked".
    ...findAll(r, rx`(?:gone|sent|go|goes|went|going) (?:off |back |away |up )?(?:to (?:the|a|our|their) (?:[a-z-]+ ){0,3})?to be (?:${HANDLED}|checked|inspected|tested|repaired|examined)`),
    // "It's in their hands", "it's with them now".
    ...findAll(r, /(?:it|this|that) (?:is|are) (?:now |currently |all )?(?:in (?:their|the) hands|with them)/),
  ];
}

/**
 * The next step is someone else's: "that's one for our billing team", "that's one for the pharmacist", "it's a police
 * matter", "it'll have to go up to the L2 team", "deferral requests go through the admissions office", "you'd want the
 * private housing lot for that".
 */
function belongsElsewhere(r: Reading): Match[] {
  return [
    ...findAll(r, rx`(?:that|this|it) is (?:[a-z]+ly )?(?:one|a (?:job|question|matter|thing|query)|something) for (?:the|our|a|another|your|their) (?:[a-z-]+ ){0,3}${PARTY}\\b`),
    ...findAll(r, /is (?:a|one) (?:police|council|legal|court|insurance|bank|landlord|tax|housing) (?:matter|issue|job)/),
    ...findAll(r, rx`(?:go|goes|going|gone|went) (?:up |over |across |off |back |straight )?(?:to|into|through|through to) (?:the|our|a|another|their|your) (?:[a-z0-9-]+ ){0,4}?${BODY}\\b`).filter(
      // "I had to go into a branch": the rep going is the rep's own story or the rep owning it.
      (m) => !/^(?:i|we|i am|i have)$/.test(subjectBefore(r, m.first)),
    ),
    ...findAll(r, rx`you (?:would|will|might) (?:want|need) (?:the|our|a|another) (?:[a-z-]+ ){0,3}${BODY} (?:for|about) (?:that|this|it)\\b`),
    // "I can't book it from chat, but the front desk can."
    ...findAll(r, /i (?:can not|cannot|am not able to|am unable to) (?:[a-z]+ ){1,5},? but (?!i |we |you |let )(?:the |your |our |a )?(?:[a-z]+ ){0,3}(?:can|will|could|should|would)\b/),
    ...findAll(r, /not (?:my|our) department/),
  ];
}

/**
 * The customer sent elsewhere to get it done: "you'll need to report it to them", "you may wish to speak to your GP",
 * "you'd be best popping back when she's in", "please contact the relevant embassy", "give them a ring", "you can try
 * their email". Not when negated ("you don't need to contact the bank") or when the call is to us ("ring us back").
 */
function sentElsewhere(r: Reading): Match[] {
  const told = [
    ...findAll(r, rx`you ${SENT_MODAL} (?:just |also |first |then |probably |always )?${CONTACT_VERB}${TO_US}`),
    ...findAll(r, rx`(?:you (?:would |will |might |may )?(?:be better off|be best|do better|want to try|could try)|(?:^|[.!?;:,] |so |it is |it would be )(?:probably |always )?(?:best|better)|(?:the )?best (?:thing|bet|option)(?: to do)? (?:is|would be))(?: off)? (?:to )?(?:${CONTACTING}|${CONTACT_VERB})${TO_US}`),
    // "You can find their form online": "their" is the other party's.
    ...findAll(r, /you (?:can|could) (?:find|get|use|fill in|try|download) their (?:form|number|email|website|details|helpline|line|office|address)/),
    // An instruction at the start of a sentence or after "please": "Please contact the relevant embassy", "Give them a ring".
    // Going somewhere is left out: "go to the settings menu" is a direction, not a handoff.
    // The one contacted is a party ("ring the claims line", "contact the relevant embassy"), not a thing ("ring the bell").
    ...findAll(r, rx`(?:^|[.!?;:,] |please )(?:(?:so|then|just|and) )?(?:please )?(?:(?!go |pop |head |give )${CONTACT_VERB} (?:them|their [a-z]+|(?:the|your|an?) (?:[a-z-]+ ){0,3}${PARTY}\\b)|give (?:them|him|her|the [a-z]+) a (?:ring|call|bell|shout|try))`),
  ];
  return told.filter((m) => !negatedAt(r, m));
}

/** "You will be notified of the outcome", "you'll hear from them": contact promised by nobody in particular. */
function unownedFollowUp(r: Reading): Match[] {
  return [
    ...findAll(r, /(?:we will|you will be) (?:notify|notified|update|updated|inform|informed|let you know|contact|contacted) (?:you )?(?:when|once|if|as soon as|in due course|as and when|if and when)/),
    ...findAll(r, /you (?:will|should|may|might) (?:then |also )?(?:be|get) (?:notified|contacted|informed|updated|advised|written to)(?! by (?:me|myself)\b)/),
    ...findAll(r, /you (?:will|should|may|might) (?:then |also )?hear (?:back )?from (?:them|someone|somebody|the [a-z-]+(?: [a-z-]+)?|us)/),
    ...findAll(r, /in due course|bear with us|we are looking into it|we will look into it|as soon as (?:possible|we can|they can)/),
    // "The engineers are aware and working on it": someone, some time.
    ...findAll(r, /(?:we|they|the [a-z]+|our [a-z]+) (?:are|is) (?:fully |well )?aware(?: of (?:it|this|the (?:issue|problem|fault)))?|(?:are|is) (?:currently |busy )?working on (?:it|this|a fix)/),
  ];
}

// ---- Owner and time ----------------------------------------------------------------------------

/**
 * Whether the handoff around `m` has an owner and a time after all, in the sentence before, its own or the next:
 * a named person ("my manager, Joanne, … will call you before five today"; "Our engineer, Piotr, will visit on
 * Thursday. He'll call you…"), a person's job ("the engineer", "an emergency engineer"), or the rep following it up
 * themselves; and a concrete time, not "at some point" or "soon".
 */
function hasOwnerAndTime(r: Reading, m: Match, customer: Set<string>): boolean {
  const at = r.tokens[m.first]!.sentence;
  const toks = r.tokens.slice(r.sentences[Math.max(0, at - 1)]!.firstToken, r.sentences[Math.min(r.sentences.length - 1, at + 1)]!.lastToken + 1);
  const named = toks.some((t, i) => {
    if (t.norm === 'he' || t.norm === 'she') return true;
    if (ROLES.has(t.norm) && toks.slice(Math.max(0, i - 2), i).some((d) => /^(?:the|our|your|an?|my)$/.test(d.norm))) return true;
    if (t.pos !== 'PROPN' || !/^[A-Z][a-z]/.test(t.text) || customer.has(t.norm) || /^(?:mr|mrs|ms|miss|dr)$/.test(t.norm) || CALENDAR.test(t.norm)) return false;
    if (['team', 'department', 'desk', 'office'].includes(toks[i + 1]?.norm ?? '') || /^(?:dear|hi|hello|mr|mrs|ms|miss|dr)$/.test(toks[i - 1]?.norm ?? '')) return false;
    // A capital opening a sentence proves nothing ("Housekeeping will…", "Best thing is…") unless a person follows: "Priya in billing", "Jamal from returns".
    const opens = i === 0 || toks[i - 1]!.sentence !== t.sentence;
    return !opens || /^(?:in|from|at|on|,)$/.test(toks[i + 1]?.norm ?? '') || toks[i + 1]?.pos === 'PROPN';
  });
  const said = toks.map((t) => t.norm).join(' ');
  return (named || REP_FOLLOWS_UP.test(said)) && CONCRETE_TIME.test(said) && !VAGUE_TIME.test(said);
}

/** Every place a reply passes the problem on without an owner and a time. */
export function handoffMatches(r: Reading, customerName: string): Match[] {
  const customer = new Set(customerName.toLowerCase().split(/[\s-]+/));
  return [...othersWillAct(r), ...weWillGetBack(r), ...passedOn(r), ...handledElsewhere(r), ...belongsElsewhere(r), ...sentElsewhere(r), ...unownedFollowUp(r)].filter(
    (m) => !hasOwnerAndTime(r, m, customer),
  );
}

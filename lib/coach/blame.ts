// Blame: the fault put on the customer, in any of its families. Each is read on the clause: a second-person subject
// with a reproach, an obligation they missed or a past failure; a duty placed on them ("your end", "guests are
// responsible for…"); a reminder of what they were told or agreed to; a question that is really a reproach. Negations,
// the rep owning the fault and words that clear them ("I'm not blaming you") take it back.
import { negatedAt, participle, pastForm, restOfSentence, sameForm, textOf } from './grammar';
import { findAll, sentenceText, words, type Match, type Reading, rx } from './nlp';

// ---- Word classes ------------------------------------------------------------------------------

// What they "should have had" or "been told" was ours to give.
const RECEIVED = new Set(['had', 'received', 'got', 'gotten', 'heard', 'seen']);
// Verbs of being given something, which make "you … the wrong one" our mistake: "you received the wrong size".
const GIVEN_TO_THEM = new Set([...RECEIVED, 'were', 'was', 'been', 'given', 'sent', 'shown', 'told', 'offered', 'charged', 'issued']);
// Asking for, agreeing to or wanting something: "you never asked to switch", "you didn't agree to this" clear them.
const CONSENT = '(?:ask|asked|request|requested|agree|agreed|authori[sz]e|authori[sz]ed|consent|consented|order|ordered|want|wanted|choose|chose|sign up|signed up|apply|applied|deserve|deserved|expect|expected)';
/** People a customer is one of, when a duty is put on them all: "guests are responsible for checking". */
const CUSTOMER_ROLE = words([
  'customer', 'customers', 'guest', 'guests', 'passenger', 'passengers', 'tenant', 'tenants', 'member', 'members', 'resident',
  'residents', 'user', 'users', 'buyer', 'buyers', 'owner', 'owners', 'cardholder', 'cardholders', 'account holder',
  'account holders', 'policyholder', 'policyholders', 'driver', 'drivers', 'patient', 'patients', 'sender', 'recipient',
  'student', 'students', 'parent', 'parents', 'applicant', 'applicants', 'traveller', 'travellers', 'homeowner', 'homeowners',
]);
/** Being careful, which "next time you could…" tells them to be. */
const CAREFUL = words([
  'check', 'double-check', 'double - check', 'read', 'make sure', 'ensure', 'confirm', 'verify', 'measure', 'ring ahead',
  'call ahead', 'phone ahead', 'look', 'remember', 'keep', 'allow', 'declare', 'follow', 'pay attention', 'be careful',
  'be more careful', 'take care', 'take more care', 'give us more notice', 'give us notice', 'book earlier', 'book ahead',
  'order earlier', 'arrive earlier', 'plan ahead', 'let us know sooner', 'let us know earlier', 'let us know in advance',
]);
/** What a rule they were told about says: an obligation, a limit, a consequence that stands. */
const RULE =
  /\b(?:had to|must|needed to|need to|have to|has to|was required|were required|would need|could not|cannot|can not|(?:is|are|was|were) not (?:allowed|permitted)|only|non - refundable|non-refundable|not refundable|(?:does|do|will|would|is|are) not (?:cover|apply|include|included|covered)|should not (?:have )?(?:come as|been|be) a surprise|no surprise|deadline|expired|stands|still applies|forfeit|forfeited)\b/;
// A willing "would", not a past "had": "if you'd let us", "if you'd like to", "if you'd bear with me".
const WILLING = new Set(['let', 'like', 'allow', 'prefer', 'care', 'mind', 'bear', 'want', 'be', 'rather', 'kindly', 'please']);

// ---- Families ----------------------------------------------------------------------------------

/**
 * After "you should (not) have": a reproach is something they should (not) have done ("checked", "had it boxed",
 * "been more careful", "thrown it away"); "you should have the calendar by Friday", "you should have had a letter",
 * "you should (not) have been told/charged", "you shouldn't have had to chase us" are about what we owe them.
 */
function reproachAfterHave(r: Reading, have: number): boolean {
  const next = r.tokens[have + 1];
  if (!next) return false;
  if (next.norm === 'been') {
    const after = r.tokens.slice(have + 2).find((t) => t.pos !== 'ADV');
    // "…and you should have been." leaves the participle out: "been (told)", which happened to them.
    if (!after || after.sentence !== next.sentence || ['PUNCT', 'CCONJ'].includes(after.pos)) return false;
    // "been more careful" is a reproach; "been badly hurt", "been told" happened to them.
    return !participle(after);
  }
  if (!participle(next)) return false;
  if (!RECEIVED.has(next.norm)) return true;
  // "had everything boxed": had something done, which was theirs to do.
  for (const t of r.tokens.slice(have + 2, have + 6)) {
    if (['PUNCT', 'ADP', 'SCONJ', 'CCONJ'].includes(t.pos)) return false;
    if (participle(t) || (t.pos === 'ADJ' && pastForm(t))) return true;
  }
  return false;
}

/** What they should have done or failed to do: "you should have", "you didn't", "you were meant to", "you must have". */
function reproaches(r: Reading): Match[] {
  // Only "should" and "ought" reproach when negated: "you shouldn't have thrown it away", but "you couldn't have known".
  const shouldHave = findAll(r, /you (?:(?:should|ought to)(?: not| never)?|could|would|might) (?:really )?have/).filter((m) => reproachAfterHave(r, m.last));
  return [
    ...shouldHave,
    // "You didn't send it in writing"; not "you didn't do anything wrong", "you didn't get the email", "you never asked to switch".
    ...findAll(
      r,
      rx`you (?:[a-z]+ly )?(?:did not|failed to|forgot to|neglected to|never|have not|had not|omitted to|have (?:[a-z]+ly )?not|have (?:[a-z]+ly )?never)(?! (?:do|done|miss|missed|break|broke|broken|cause|caused|lose|lost|damage|damaged|delete|deleted|press|pressed|click|clicked|touch|touched|change|changed) (?:anything|a thing)\\b| (?:cause|caused|get|receive|hear|see|need|have to|${CONSENT})\\b)`,
    ),
    ...findAll(r, /you (?:people |lot )?never (?:read|check|listen|look)/),
    // "You people who book online never read…"
    ...findAll(r, /you (?:[a-z]+ ){0,5}(?:never|do not|did not|cannot|can not) (?:bother to |even |actually |ever )?(?:read|check|listen|look|follow|pay attention)/),
    ...findAll(r, /you were (?:supposed|meant|asked|required) to/),
    // A past failure named as theirs: "you missed the deadline", "you left it too late", "you ignored our reminders".
    ...findAll(r, /you (?:[a-z]+ly )?(?:missed (?:the|your) (?:deadline|cut - off|cut-off|cutoff|window|payment|instalment|renewal|appointment|slot)|left it (?:too late|until the last minute|too long)|waited too long|ignored (?:the|our|my|all the|all our) (?:[a-z]+ )?(?:emails|letters|reminders|warnings|advice|instructions|messages|texts))/),
    ...findAll(r, /you must have (?!been|had|felt|thought|wondered|worried)[a-z]+/),
    ...findAll(r, /(?:you need to|next time(?: ,)? you should|you should) (?:read|check) (?:the|your) (?:terms|small print|email|emails|instructions)/),
    // Advice on what they should do next time is a reproach for this time: "perhaps next time you could double-check the
    // size chart", "in future, please make sure…", "you should always ring ahead".
    ...findAll(r, rx`(?:next time|in (?:the )?future|going forward|for future reference)(?: ,)? (?:(?:perhaps|maybe) )?(?:you (?:could|should|might|may|must|need to|will need to|will want to|would want to|want to|might want to|may want to|will have to) (?:just |always |really |perhaps )?|(?:please )?(?:just )?)${CAREFUL}\\b`),
    ...findAll(r, rx`you (?:could|should|might want to|may want to|need to|must) (?:just |always |perhaps )?${CAREFUL}\\b[^.?!]*\\b(?:next time|in (?:the )?future)\\b`),
    ...findAll(r, rx`you (?:should|must|need to|have to|ought to) always (?:${CAREFUL}|ring|call|phone)\\b`),
  ];
}

/**
 * They did it wrong: "you ticked the wrong box", "perhaps you gave the finance company the wrong reference number",
 * "you've put the wrong postcode in", "you typed it incorrectly". Not what was given to them ("you received the wrong
 * size", "you were sent the wrong form"), and not "you didn't do anything wrong".
 */
function wrongDoing(r: Reading): Match[] {
  const out: Match[] = [];
  r.tokens.forEach((t, i) => {
    if (t.norm !== 'you') return;
    // The verb: past or perfect, after any adverbs and "have"/"must have" ("you've clearly put…").
    let v = i + 1;
    while (r.tokens[v] && (r.tokens[v]!.pos === 'ADV' || ['have', 'must', 'may', 'might'].includes(r.tokens[v]!.norm)) && r.tokens[v]!.norm !== 'not') v++;
    const verb = r.tokens[v];
    if (!verb || verb.pos !== 'VERB' || GIVEN_TO_THEM.has(verb.norm) || !(pastForm(verb) || participle(verb)) || /ing$/.test(verb.norm)) return;
    // "wrong" or "incorrectly" within the clause that follows: the thing they did, done wrong.
    for (let k = v + 1; k < Math.min(r.tokens.length, v + 8); k++) {
      const w = r.tokens[k]!;
      // "You've done something wrong" names no act of theirs: it is what they fear, not what they did.
      if (w.sentence !== t.sentence || w.pos === 'PUNCT' || ['we', 'i', 'they', 'not', 'never', 'anything', 'nothing', 'something'].includes(w.norm)) return;
      if (/^(?:wrong|wrongly|incorrectly|incorrect)$/.test(w.norm)) {
        out.push({ first: i, last: k, start: t.start, end: w.end, groups: [] });
        return;
      }
    }
  });
  return [...out, ...findAll(r, /user error/)];
}

/**
 * The fault or the duty is theirs: "that's your responsibility", "it's on you", "the problem's at your end", "you're
 * responsible for checking the address", "guests are responsible for checking", "it is the passenger's responsibility",
 * "it's up to you to".
 */
function theirDuty(r: Reading): Match[] {
  return [
    ...findAll(r, /(?:was|is) (?:entirely |totally |really |always |clearly )?your (?:responsibility|fault|mistake|job|problem|lookout)/),
    ...findAll(r, /(?:that|this|it) is (?:really |entirely |totally |actually )?(?:your|on your) (?:fault|responsibility|problem|mistake|issue|error|side|end|lookout)(?! of)/),
    ...findAll(r, /(?:that|this|it)(?: one)? (?:is|'s) (?:really |all |entirely |squarely )?on you\b/),
    ...findAll(r, /(?:is|was) (?:entirely |all |completely )?down to you\b/),
    ...findAll(r, /your (?:own )?(?:fault|mistake|error)/),
    // Where the fault lies: "it's on your side, I'm afraid", "the problem is at your end".
    ...findAll(r, /(?:(?:is|'s|are|was|lies|sits) (?:all |squarely |definitely |clearly |firmly )?|(?:problem|fault|issue|error) )(?:on|at|with) your (?:side|end)\b(?! of)/),
    ...findAll(r, /(?:it is|it was|that is) (?:entirely |really )?up to you to|the onus (?:is|was|lies) (?:on|with) you/),
    ...findAll(r, rx`(?:you|${CUSTOMER_ROLE}) (?:are|is) (?:solely |fully |entirely |ultimately |always |also |personally )?responsible for(?! nothing| none)`),
    ...findAll(r, rx`${CUSTOMER_ROLE}(?: 's| ')? (?:own )?(?:responsibility|duty|job) to\\b`),
  ];
}

/**
 * A reminder of what they were told, sent or agreed to, held against them: "you were told at the desk the room had to
 * be empty", "you were sent three reminders, so it shouldn't have come as a surprise", "as I explained on Monday, the
 * voucher had to be used within the month", "you agreed to the cancellation terms when you booked, so…", "which you
 * turned down at the time". Only with the rule or its consequence: "as I said, I'll ring you at four" reminds of nothing.
 */
function remindedOfRules(r: Reading): Match[] {
  // The rule may come before the reminder or after it: "the deposit isn't refundable, as you agreed when you booked".
  // A rule the rep then acts on is not held against them: "as I said, the refund must reach you by Friday, and I'll chase it".
  const withRule = (m: Match) => {
    const sentence = sentenceText(r, r.tokens[m.first]!.sentence);
    return RULE.test(sentence) && !/\bi (?:will|am going to)\b/.test(sentence);
  };
  return [
    ...findAll(r, /you were (?:already |clearly |definitely |specifically |explicitly |also )?(?:told|warned|advised|informed|reminded|sent (?:[a-z]+ )?(?:reminders?|warnings?|notices?|letters?|emails?)|given (?:[a-z]+ )?(?:notice|warnings?|reminders?))\b/).filter(withRule),
    ...findAll(r, /as (?:i|we) (?:have )?(?:already )?(?:said|explained|mentioned|told you|advised|pointed out|stated|made clear|set out)\b/).filter(withRule),
    ...findAll(r, /you (?:have )?(?:already |clearly )?(?:agreed to|accepted|signed|signed up to|consented to)\b/).filter(withRule),
    ...findAll(r, /(?:which|that) you (?:turned down|declined|refused|opted out of|did not want|chose not to)|you (?:turned down|declined|opted out of|refused) (?:the|our) (?:[a-z-]+ ){0,2}(?:cover|plan|insurance|protection|warranty|option|offer|upgrade)/),
    ...findAll(r, /(?:as|like) (?:you were|you have been) (?:told|warned|informed|advised)/),
    // Agreement given by a tick: "you did tick the box saying you'd read the terms".
    ...findAll(r, /you (?:did )?(?:tick|ticked|checked) (?:the|a) box (?:saying|to say|confirming|to confirm)/),
    ...findAll(r, /(?:the|our) (?:terms|rules|instructions) (?:you agreed|were clear|are clear|clearly state)/),
    // "It's in the welcome pack you signed": the rule was theirs to know.
    ...findAll(r, /(?:it is|it was|that is|this is|which is) (?:all |clearly |right )?(?:in|on|written in|set out in|stated in|explained in) (?:the|your) (?:[a-z-]+ ){0,3}you (?:signed|agreed to|accepted|were sent|were given|received|read)\b/),
  ];
}

/** A question that is a reproach: "did you not see the sign?", "didn't you read the email?", "why didn't you call?" */
function reproachfulQuestions(r: Reading): Match[] {
  return findAll(r, /(?:(?:did|do|have|had) (?:you not|not you)|why (?:did|would) (?:you not|not you)) (?:even |actually |ever )?(?:see|read|check|notice|look|listen|follow|think|bother|realise|realize|call|ring|tell)/).filter((m) => {
    const s = r.sentences[r.tokens[m.first]!.sentence]!;
    return r.tokens[s.lastToken]!.norm === '?';
  });
}

/**
 * What they did named as the cause: "that's what happens when you don't clean the filter", "you'll have been drying
 * washing indoors, that's what does it", "if you had fixed it to the wall…", "if you'd read the terms…". Not "you asked
 * for next-day delivery, which is why it came so fast", and not a willing "would" ("if you'd let us, I'd love to…").
 */
function causedByThem(r: Reading): Match[] {
  const namedCause = findAll(r, /you (?:[a-z']+ ){1,8}?, (?:and )?(?:that is|which is|this is) (?:what (?:does|did|causes|caused|happens|happened)|why)\b/).filter(
    (m) => !rx`^you (?:[a-z]+ )*?${CONSENT}\\b`.test(textOf(r, m)),
  );
  const when = findAll(r, /(?:that|this) is (?:what|why|how) (?:happens|it happens|you get) (?:when|if) you\b/);
  // "If you had fixed it to the wall…", "if you'd read the terms": any counterfactual of theirs, in the past.
  const counterfactual = findAll(r, /(?:if you (?:had|would have|would)|(?:^|[,;.] )had you) (?:only |just |actually |properly |simply )?[a-z]+/).filter((m) => {
    // The verb of the counterfactual: "if you had (only) read", "if you'd bothered (to check)".
    const verb = r.tokens[m.last]!;
    if (!participle(verb) || verb.norm === 'been') return false;
    // wink reads "you'd" before a verb spelt like its past as "would": a willing "would" asks, it does not blame.
    const would = textOf(r, m).startsWith('if you would') && !textOf(r, m).startsWith('if you would have');
    return !(would && (WILLING.has(verb.norm) || !sameForm(verb)));
  });
  return [...namedCause, ...when, ...counterfactual];
}

// ---- Clearances --------------------------------------------------------------------------------

/** The rep's side owns it in the same sentence: "you should have had one, and that's our mistake", "the mistake was ours". */
const OWNED =
  /\b(?:our (?:mistake|fault|error|failing)|my (?:mistake|fault|error)|(?:mistake|fault|error) (?:is|was) (?:ours|mine|on us|on me)|(?:is|was) on (?:us|me)|(?:we|i) should (?:not |never )?have)\b/;
/** Said to clear them, not to blame them. */
const CLEARED =
  /\b(?:not|never|no one is|nobody is|is not) (?:saying|suggesting|blaming|implying)\b|\bnot your (?:fault|mistake)\b|\bthrough no fault\b|\byou (?:did|have done) (?:everything|nothing) (?:right|wrong)\b|\bnobody expects you to\b/;

/** Every place a reply puts the fault on the customer. */
export function blameMatches(r: Reading): Match[] {
  return [...reproaches(r), ...wrongDoing(r), ...theirDuty(r), ...remindedOfRules(r), ...reproachfulQuestions(r), ...causedByThem(r)]
    .filter((m) => !negatedAt(r, m, false))
    .filter((m) => {
      const sentence = sentenceText(r, r.tokens[m.first]!.sentence);
      if (OWNED.test(sentence) || CLEARED.test(sentence)) return false;
      // "you didn't get the email because we never sent it" describes our failure.
      return !/\bbecause (?:we|i|our|my|the system|it)\b/.test(restOfSentence(r, m));
    });
}

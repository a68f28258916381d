// What a contact centre says to everyone (stock lines, recited policy, security questions), so the rest of a reply can be read as said to this customer.
import type { Turn } from './context';

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
export const PAPERWORK_ASK = new RegExp(
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

// The detectors of making it personal (P16): the customer's name, a check of what they said, being on their side.
import { negatedAt, textOf } from '../grammar';
import { findAll, sentenceText, words, type Match, type Reading, rx } from '../nlp';
import { inOwnStory } from '../stories';
import { detectorsOf, foundAt, saysAt, span } from './spans';

const p16 = detectorsOf('personalizing', 'P16');

const TITLES = '(?:mr|mrs|ms|miss|mx|dr|doctor|professor|prof) \\.? ?';

/** A name as a pattern over the word stream: "Kerry-Ann" is read as "kerry - ann". */
const namePattern = (name: string) => name.split('-').map((part) => words([part])).join(' ?- ?');

export const namesCustomer = p16('names-customer', {
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
});

// "I have it all straight", "I've got this right", "I understood you correctly": the rep's hold on what they heard.
const HAVE_IT = '(?:i (?:have (?:got )?|got |understand |understood |heard |followed |am following |am hearing |am reading |caught |have written down |have noted )(?:(?:you |this |that |it |everything |all (?:of )?(?:that|this) |it all |this all |the (?:details|facts|story) )?(?:all )?(?:right|correctly|properly|straight|clear|the right way round)|the (?:right|correct) [a-z]+))';

/** Signposted checks of understanding: "if I've got this right", "just so I have it all straight". */
export function recapMatches(r: Reading): Match[] {
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

export const recaps = p16(
  'recaps',
  saysAt(
    recapMatches,
    { delta: 1, note: 'Checking you have it right shows you listened, and catches a misunderstanding early.' },
  ),
);

// "Let's" + these is a turn of phrase or a request, not teamwork: "let's say", "let's be honest", "let us know".
const NOT_TEAMWORK = new Set(['say', 'be', 'face', 'hope', 'not', 'know', 'assume', 'pretend', 'call', 'leave', 'agree']);
// The two of them as the ones doing it; "we" only as a proposal ("we can", "we'll"), since "we put them together" is the company.
const TEAM = /\b(?:let us|we (?:can|could|will|shall|are going to|need to|should)|you and i|you and me|the two of us|both of us|between us|us both)\b/;

/** "It's on your side, I'm afraid", "the fault is on your side": where a fault lies, not whose side the rep is on. */
const faultLocation = (r: Reading, m: Match) =>
  textOf(r, m) === 'on your side' && /\b(?:it|that|this|fault|problem|issue|error) (?:is|was|lies|sits)(?: [a-z]+ly| all| squarely)? $/.test(r.flat.slice(Math.max(0, r.flatStart[m.first]! - 40), r.flatStart[m.first]));

/** Proposing to do it together, or saying the rep is on their side. */
const SIDE_BY_SIDE =
  /(?:let us) (?:get|sort|work|figure|fix|see|find|look|go|try|make|have a look|put|start|take|check|tackle|deal|crack|walk|do|run|think|talk|build|turn|pick|get you|keep|aim|plan|map)|(?:i am) (?:on your side|in your corner|with you on this|here with you)|(?:you and i|you and me|between us|the two of us|between the two of us)|(?:we are) in this together|team up|(?:with you|alongside you) (?:on this|every step|all the way)|on your side/;

export const together = p16('together', {
  find(r) {
    const hits = [
      ...findAll(r, SIDE_BY_SIDE),
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
});

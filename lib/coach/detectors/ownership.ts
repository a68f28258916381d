// The detectors of ownership (P17): a concrete next step the rep commits to, and a vague hand-off to no one.
import { lumpMatches } from '../crowd';
import { negatedAt, pastForm } from '../grammar';
import { HANDED_ON, handoffMatches, REACHES_THE_RIGHT_PEOPLE } from '../handoff';
import { findAll, sentenceText, words, type Match, type Reading, type Token, rx } from '../nlp';
import { inOwnStory } from '../stories';
import { recapMatches } from './personalizing';
import { dedupe, detectorsOf, saysAt, span } from './spans';

const p17 = detectorsOf('ownership', 'P17');

const WHEN = words([
  'now', 'right now', 'today', 'tonight', 'tomorrow', 'this morning', 'this afternoon', 'this evening', 'straight away',
  'right away', 'immediately', 'first thing', 'by the end of the day', 'end of day', 'within the hour', 'in the next hour',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'this week', 'next week', 'while you wait',
  'while we talk', 'while you are here', 'before you leave', 'before you go', 'at once',
]);

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

export const commitsAction = p17('commits-action', {
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
});

export const vagueHandoff = p17(
  'vague-handoff',
  saysAt(
    (r, ctx) => handoffMatches(r, ctx.customerName),
    { delta: -1, note: 'No owner and no time: they hear "wait and hope". Say who does what, and by when.' },
  ),
);

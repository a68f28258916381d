// The detectors of normalizing (P25): telling them it is common, and lumping them in with a crowd.
import { CROWD_PEOPLE, lumpMatches, MANY } from '../crowd';
import { negatedAt } from '../grammar';
import { findAll, words, type Match, type Reading } from '../nlp';
import { dedupe, detectorsOf, saysAt, span } from './spans';

const p25 = detectorsOf('normalizing', 'P25');

export const lumpsTogether = p25(
  'lumps-together',
  saysAt(
    (r) => lumpMatches(r).filter((m) => !negatedAt(r, m)),
    { delta: -1, note: '"Everyone does it", or another customer\'s story, makes them one of a crowd, and tells them you will talk about them next.' },
  ),
);

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

export const normalizes = p25('normalizes', {
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
});

// Whether a reply is a copy: an earlier reply pasted again (nearCopy), or the customer's own words handed back (parrots).

const plainWords = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];

function shingles(ws: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/** Share of `a`'s shingles that also appear in `b`. */
function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / a.size;
}

// Words that change nothing a reply says: who is speaking, fillers, politeness and the small words between.
const FILLER = new Set(
  ('a an the and or but so to of in on at for with by from up it its this that these those is are was were be been am do does did ' +
    'i me my you your we our us he she they them he his her their there here just really very quite all any some ok okay oh ' +
    'right well yes yeah no not will would can could shall should may might have has had get got let lets please thanks thank ' +
    'sir madam about as if then than now also too again still ll re ve d s t m').split(' '),
);
/** The words that carry what a reply says, roughly stemmed ("workshop's" → "workshop", "payments" → "payment"). */
function gist(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of plainWords(text)) {
    const stem = w.replace(/'(?:s|ll|re|ve|d|m|t)$|n't$/, '').replace(/(?<=[a-z]{3})s$/, '');
    if (!FILLER.has(stem) && stem.length > 1) out.add(stem);
  }
  return out;
}

/**
 * A near copy: the same words in the same order for most of either reply, or, reworded and reordered, nearly every
 * word that carries the shorter one's message ("Shall I book you in for the first slot and take a mobile number?").
 */
export function nearCopy(a: string, b: string): boolean {
  const wa = plainWords(a);
  const wb = plainWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa.length >= 6 && wb.length >= 6) {
    const sa = shingles(wa, 3);
    const sb = shingles(wb, 3);
    if (containment(sa, sb) >= 0.6 || containment(sb, sa) >= 0.6) return true;
  }
  const [ga, gb] = [gist(a), gist(b)];
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  return small.size >= 3 && large.size <= 2 * small.size + 2 && containment(small, large) >= 0.75;
}

// Who is speaking does not matter to an echo: "I've been charged" handed back is "you've been charged".
const PERSON: Record<string, string> = {
  i: 'P', me: 'P', you: 'P', we: 'P', us: 'P', my: 'Q', your: 'Q', our: 'Q', mine: 'Q', yours: 'Q', ours: 'Q',
  myself: 'P', yourself: 'P', am: 'be', are: 'be', is: 'be', was: 'be', were: 'be',
  "i'm": 'P be', "you're": 'P be', "we're": 'P be', "i've": 'P have', "you've": 'P have', "we've": 'P have',
  "i'd": 'P would', "you'd": 'P would', "we'd": 'P would', "i'll": 'P will', "you'll": 'P will', "we'll": 'P will',
};
const unpersoned = (text: string) => plainWords(text).flatMap((w) => (PERSON[w] ?? w).split(' '));

/** Mostly the customer's own sentences handed back, whoever "I" and "you" are: half the reply's three-word runs are theirs. */
export function parrots(reply: string, customerLine: string): boolean {
  const wr = unpersoned(reply);
  if (wr.length < 6) return false;
  return containment(shingles(wr, 3), shingles(unpersoned(customerLine), 3)) >= 0.5;
}

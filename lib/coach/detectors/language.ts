// The detectors of language (P21, P9): "yes, but", fear words and jargon.
import type { Span } from '../detectors';
import { negatedAt, sameSentence } from '../grammar';
import { findAll, words } from '../nlp';
import { dedupe, detectorsOf, span } from './spans';

const p21 = detectorsOf('language', 'P21');
const p9 = detectorsOf('language', 'P9');

/** Acknowledging what they said: the first half of "yes, but". */
const ACKNOWLEDGES =
  /(?:i|we) (?:completely |totally |really |fully |do |absolutely |can )?(?:understand|hear|see|get|appreciate|know|realise|realize|agree|accept|recognise|recognize|respect|sympathise|sympathize|empathise|empathize|take your point|take the point)|i hear you|(?:that|this|it) (?:makes sense|is fair|is a fair point|is understandable|is true)|you are (?:right|absolutely right|quite right|not wrong)|i know (?:this|that|it) is|i do understand/;

export const yesBut = p21('yes-but', {
  find(r) {
    const acks = [
      ...findAll(r, ACKNOWLEDGES).filter((m) => !['if', 'so', 'that'].includes(r.tokens[m.first - 1]?.norm ?? '')),
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
});

const FEAR_LEMMAS = [
  'risk', 'prohibit', 'prohibited', 'violation', 'violate', 'penalty', 'penalise', 'penalize', 'breach', 'liable', 'liability',
  'forbid', 'forbidden', 'threat', 'threaten', 'sanction', 'non-compliance', 'noncompliance', 'infringe', 'infringement',
  'forfeit', 'terminate', 'termination', 'legal action', 'prosecute', 'prosecution', 'blacklist', 'blacklisted', 'default',
  'seize', 'repossess', 'repossession', 'bailiff', 'bailiffs', 'debt collector', 'debt collectors', 'court', 'suspend', 'suspension',
];
export const fearWords = p21('fear-words', {
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
});

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
export function jargonFamily(word: string): boolean {
  const stem = /^(?:de|re|un|pre|auto|mis|dis)-?(.+)$/.exec(word)?.[1];
  return !!stem && stem.length >= 4 && JARGON_SET.has(stem) && !NOT_JARGON_ALONE.has(stem);
}

export const jargon = p9('jargon', {
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
});
// Words around a ticket that make it the support desk's: raised, logged, escalated, tier 2.
const SUPPORT_DESK = new Set(['raise', 'log', 'open', 'create', 'escalate', 'close', 'assign', 'update', 'submit', 'reopen', 'support', 'helpdesk', 'tier', 'sla', 'queue', 'priority', 'internal', 'resolve']);
// Acronyms people meet on their cards, phones, cars and letters, which need no translating.
const EVERYDAY_ACRONYMS = [
  'SIM', 'PUK', 'PAC', 'CCTV', 'GPS', 'APR', 'ISA', 'PAYG', 'DVLA', 'HMRC', 'IBAN', 'TBC', 'TBA', 'PTO', 'BBQ', 'LED', 'DVD', 'CD',
  'MRI', 'ECG', 'QR', 'URL', 'WIFI', 'HDMI', 'ISP', 'SATNAV', 'RAC', 'AA', 'EV', 'ABS', 'DBS', 'ULEZ', 'NI', 'NINO', 'UCAS', 'SEN',
  'ESA', 'PIP', 'JSA', 'DWP', 'ICU', 'OBE', 'FAQS', 'SAT', 'SATS', 'TFL', 'IKEA', 'FYI',
];
const COMMON_ACRONYMS = new Set([...EVERYDAY_ACRONYMS, 'OK', 'ID', 'UK', 'US', 'USA', 'EU', 'PIN', 'ATM', 'TV', 'PDF', 'SMS', 'USB', 'AM', 'PM', 'GP', 'NHS', 'DIY', 'ASAP', 'FAQ', 'CEO', 'BBC', 'IT', 'I', 'PC', 'HR', 'VAT', 'MOT', 'A', 'BST', 'GMT', 'DM', 'NB', 'PS', 'UPS', 'DHL', 'BT', 'A&E', 'CV', 'GCSE', 'MP', 'IOU', 'RSVP', 'VIP']);

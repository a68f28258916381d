// The coach's detectors on a case or two each, and what analyzeReply makes of their findings: spans, scores, suggestion.
import { describe, expect, it } from 'vitest';
import { analyzeReply, detectorIds, type DetectorId, type ReplyContext } from './analyze';
import { ctx, found } from './testing';

// Each detector: replies that must fire it, and lookalikes that must not.
const cases: Record<DetectorId, { yes: string[]; no: string[]; context?: Partial<ReplyContext> }> = {
  'names-customer': { yes: ['Farida, let me look.', 'Thank you, Ms Benali.'], no: ['Thanks for waiting.', 'Hello Fatima, one moment.'] },
  'names-feeling': {
    yes: ['You sound really worried about the rent.', 'That must have been frightening.', 'No wonder you are fed up after three visits.', 'I can hear how stressed you are.'],
    no: ['You don’t need to worry about that.', 'I’m not saying you’re angry.', 'I am happy to help.', 'We have an exciting new range in store.'],
  },
  'real-apology': {
    yes: ['I’m sorry we charged you twice.', 'I apologise, I gave you the wrong date.', 'That was our mistake and I’m sorry.'],
    no: ['Sorry to hear that.', 'I’m sorry you feel that way.', 'Sorry for any inconvenience this may have caused.'],
  },
  'non-apology': {
    yes: ['I’m sorry you feel that way.', 'Sorry if that upset you.', 'We apologise for any inconvenience this may have caused.', 'I’m sorry you interpreted the letter like that.', 'Sorry you had a bad experience.'],
    no: ['I’m sorry we sent the wrong letter.', 'Sorry to keep you waiting, I was checking the order.'],
  },
  'blames-customer': {
    yes: ['You should have read the terms.', 'You didn’t enter the code in time.', 'That’s your responsibility, not ours.', 'You must have typed it wrong.'],
    no: ['I’m not blaming you at all.', 'This isn’t your fault.', 'You didn’t get the email because we never sent it.', 'You should have it by Friday.'],
  },
  'yes-but': {
    yes: ['I understand, but the policy is thirty days.', 'I hear you, however the fee still applies.', 'Yes, but that isn’t how it works.'],
    no: ['The part arrives Tuesday, but I can lend you one today.', 'Would you like butter with that?', 'Press the button on the side.', 'I understand, and I’ll fix it now.'],
  },
  'fear-words': {
    yes: ['Missing a payment is a breach of the agreement.', 'That is prohibited under our terms.', 'You may face a penalty.', 'We could take legal action.'],
    no: ['At the risk of sounding fussy, can I check the date?', 'Is this a good time to talk?'],
  },
  jargon: {
    yes: ['I’ve raised a ticket with tier 2.', 'The RMA is pending in the backend.', 'It’s a pre-authorisation hold on the ledger.'],
    no: ['I’ve asked the workshop to fix it today.', 'Your refund will be back on your card by Friday.'],
  },
  'commits-action': {
    yes: ['I’ll ring you by four today.', 'Let me check that now.', 'I’ve just sent the refund.', 'I’m booking you in for Tuesday.'],
    no: ['I’ll try to see what I can do.', 'Maybe someone could look at it.', 'I can’t refund that.', 'The team will sort it.'],
  },
  'vague-handoff': {
    yes: ['Someone will get back to you.', 'It’s been passed on to the relevant team.', 'This will be looked into.', 'You’ll need to call another department.'],
    no: ['I’ll call the depot and ring you back by three.', 'I’m refunding it now.'],
  },
  recaps: {
    yes: ['If I’ve got this right, it was charged twice on Monday?', 'Just to check, the parcel never arrived?', 'Let me make sure I understand: the app locked you out?'],
    no: ['The parcel was delivered on Monday.', 'Right, I can see both charges.'],
  },
  normalizes: {
    yes: ['That happens more than you’d think.', 'Please don’t be hard on yourself, it’s easily done.', 'Lots of people find that form confusing.'],
    no: ['Everyone does that.', 'I had a lady this morning who did exactly the same.'],
  },
  'lumps-together': {
    yes: ['Everyone does that.', 'We get this all the time.', 'I had a lady this morning with the same problem.', 'You people never check the box.'],
    no: ['It’s really common, and easily fixed.', 'That happens more than you’d think.'],
  },
  relates: {
    yes: ['The same thing happened to me with my own bank last year. Let me sort it for you.', 'I’ve been locked out of mine too, it’s maddening.'],
    no: ['If it were me, I’d be furious.', 'I’ve moved you to a window seat.'],
  },
  overshares: {
    yes: [
      'I know exactly what that’s like. My boiler broke last winter. I waited three weeks for a part. Then the engineer came on the wrong day. I ended up staying with my sister. My kids still talk about it.',
    ],
    no: ['The same happened to me last year. Let me fix yours now.'],
  },
  congratulates: {
    yes: ['Congratulations on the new home!', 'That’s wonderful news, well done.', 'How exciting, you must be so proud.'],
    no: ['Congratulations on the new home!'],
    context: { clue: { news: 'good' } },
  },
  together: {
    yes: ['Let’s sort this out together.', 'You and I can get this fixed today.', 'I’m on your side here.'],
    no: ['Let me look at your account.', 'We have a policy on refunds.'],
  },
};

describe('the coach’s detectors', () => {
  it('has cases for every detector', () => {
    expect(Object.keys(cases).sort()).toEqual([...detectorIds].sort());
  });

  for (const [id, c] of Object.entries(cases) as [DetectorId, (typeof cases)[DetectorId]][]) {
    it(`${id}: fires on what it should and not on lookalikes`, () => {
      const yesContext = ctx(c.context);
      for (const text of c.yes) expect(found(text, yesContext).has(id), `should find ${id} in: ${text}`).toBe(true);
      // Congratulations only count when the customer has shared good news.
      const noContext = id === 'congratulates' ? ctx({ clue: null }) : ctx(c.context);
      for (const text of c.no) expect(found(text, noContext).has(id), `should not find ${id} in: ${text}`).toBe(false);
    });
  }
});

describe('analyzeReply', () => {
  it('points at the exact words of each finding', () => {
    const text = 'Farida, I understand, but someone will get back to you.';
    const a = analyzeReply(text, ctx());
    const words = (id: DetectorId) => a.findings.find((f) => f.detector === id)!.spans.map((s) => text.slice(s.start, s.end));
    expect(words('names-customer')).toEqual(['Farida']);
    expect(words('yes-but')).toEqual(['I understand, but']);
    expect(words('vague-handoff')).toEqual(['someone will get back']);
  });

  it('keeps spans on the original text when it has curly apostrophes and line breaks', () => {
    const text = 'Dear Ms Benali,\n\nI’m so sorry we lost your bag. I’ll call you at 3 today.';
    const a = analyzeReply(text, ctx({ channel: 'email' }));
    const spans = a.findings.flatMap((f) => f.spans.map((s) => text.slice(s.start, s.end)));
    expect(spans).toEqual(expect.arrayContaining(['Ms Benali', 'sorry', 'I’ll call']));
  });

  it('sums findings into per-skill scores within -3…3 and flags empathy for the timing credit', () => {
    const good = analyzeReply('Farida, that must be so worrying after the second charge. I’m sorry we did that. I’ll refund it now.', ctx());
    expect(good.scores).toMatchObject({ reflecting: 2, apologizing: 2, ownership: 2, personalizing: 1 });
    expect(good.empathy).toBe(true);
    const bad = analyzeReply('You should have read the terms. Sorry if you feel that way. That is your fault, you didn’t check.', ctx());
    expect(bad.scores.apologizing).toBe(-3);
    expect(bad.empathy).toBe(false);
  });

  it('suggests the most useful next change, worst problem first', () => {
    expect(analyzeReply('You should have checked.', ctx()).suggestion).toMatch(/blame/i);
    expect(analyzeReply('I will refund it now, Farida.', ctx()).suggestion).toMatch(/feeling/i);
    expect(analyzeReply('I will refund it now, Farida.', ctx({ clue: { news: 'good' } })).suggestion).toMatch(/congratulation/i);
  });

  it('is deterministic and ignores text beyond the length limit', () => {
    const text = 'I’m sorry we charged you twice, Farida. Let’s sort it out together.';
    expect(analyzeReply(text, ctx())).toEqual(analyzeReply(text, ctx()));
    const padded = `${text} ${'x '.repeat(2000)}You should have read the terms.`;
    expect(found(padded).has('blames-customer')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeReply, detectorIds, type DetectorId, type ReplyContext } from './analyze';

const ctx = (over: Partial<ReplyContext> = {}): ReplyContext => ({ customerName: 'Farida Benali', channel: 'phone', clue: { news: 'bad' }, ...over });
const found = (text: string, c = ctx()) => new Set(analyzeReply(text, c).findings.map((f) => f.detector));

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

// Families of phrasing rather than single phrases: the first held-out set showed rules fitted to the tuning
// wording, so each family here has a few members and the lookalikes (negations, hedges, the rep's own story)
// that share its words.
const families: { id: DetectorId; family: string; yes: string[]; no: string[]; context?: Partial<ReplyContext> }[] = [
  {
    id: 'names-customer',
    family: 'hyphenated names, and first names that are everyday words',
    yes: ['Kerry-Ann, I’ve added the credit.', 'Thanks, Kerry-Ann.'],
    no: ['I will need their licence number.', 'Will you be in on Tuesday?'],
    context: { customerName: 'Kerry-Ann Will' },
  },
  {
    id: 'names-feeling',
    family: 'what something did to them, sayings, feeling nouns, feelings any subject brings',
    yes: [
      'That letter must have really upset you.',
      'A bill like that would rattle anyone.',
      'I’m not surprised that upset you.',
      'That would drive anyone up the wall.',
      'What a relief.',
      'That’s a very fair worry.',
      'You’ve clearly had a horrible fright.',
      'Losing a day’s pay for nothing is infuriating.',
      'Loads of people feel self-conscious at first.',
      'You must be chuffed.',
      'I know how draining it is to chase it.',
    ],
    no: [
      'Sorry if that upset you.',
      'I don’t want to worry you, so here are the facts.',
      'Sorry to bother you again.',
      'What an exciting menu the chef has planned.',
      'The letters make the dates really confusing.',
      'I had to borrow money off my brother last year, which was mortifying.',
      'It’s not upsetting, it’s just a reminder.',
    ],
  },
  {
    id: 'real-apology',
    family: 'ownership said with any past verb or by our side',
    yes: ['I’m sorry we overbooked the flight.', 'I’m sorry that nobody here explained it properly.'],
    no: ['I’m so sorry about your dog. I’ve cancelled the reminders now.'],
  },
  {
    id: 'blames-customer',
    family: 'counterfactuals and reproaches in any wording; what we owed them is not blame',
    yes: [
      'If you had fixed it to the wall, it would not have tipped.',
      'Had you told us about the move, the post would have gone to the right place.',
      'You’ve clearly not read the confirmation email.',
      'You should have had everything boxed before the crew arrived.',
      'You people who book online never read the terms.',
      'You ticked the wrong box on the form.',
    ],
    no: [
      'You should have the new calendar through your door by the end of the week.',
      'I’m sorry we didn’t send an estimate; you should have had one, and that’s our mistake.',
      'You could have been badly hurt.',
      'You didn’t miss anything; the email never left our system.',
      'In March you were told your refund was approved.',
      'If you had been charged twice, we would refund it.',
    ],
  },
  {
    id: 'jargon',
    family: 'codes and the support desk’s words, but not tickets for trains or the acronyms on a SIM card',
    yes: ['An E-04 means the hub has lost its connection.', 'The 3DS check failed.', 'Your ticket has been escalated.'],
    no: ['I’m refunding both tickets now.', 'Your PUK is printed on the card your SIM came in.', 'Text PAC to 65075 to get your switching code.'],
  },
  {
    id: 'commits-action',
    family: 'doing it now or later in any tense; not a recap, a conditional offer or the rep’s own story',
    yes: [
      'I’ll be speaking to him before his shift tomorrow.',
      'I’ll come and find you when boarding opens.',
      'I’m doing yours now.',
      'Let me see what we can refund.',
      'Can you restart the router while I check the line?',
      'I spoke to the depot earlier and they confirmed it left at eight.',
    ],
    no: [
      'Let me make sure I’ve understood: you were charged twice?',
      'I can take it now if you have it handy.',
      'I had the same with my own laptop last year and I sent it back too.',
      'I’ll see if the nurse can fit you in.',
    ],
  },
  {
    id: 'vague-handoff',
    family: 'anyone but a named owner with a time: other teams, the passive, sending them elsewhere',
    yes: [
      'Housekeeping will look into it at some point today.',
      'A member of our guest relations team will be in touch.',
      'You’ll need to take it up with them.',
      'I can’t book it from chat, but the front desk can.',
      'Your complaint is now with the relevant department.',
      'The fault has been escalated to our network team.',
      'We’ll let you know as and when we hear anything.',
    ],
    no: [
      'My manager, Joanne, will call you before five today.',
      'Our courier should have handed it to you in person.',
      'The refund has been sent to your card.',
      'I’ll ring the depot and call you back by half three.',
    ],
  },
  {
    id: 'recaps',
    family: 'any signposted check that they have it right',
    yes: [
      'Just so I have it all straight: you were offered Hillcrest?',
      'So, to confirm I have this right, you want both places?',
      'Have I got this straight: the box was empty?',
      'So, to be clear, you were charged twice?',
      'Just checking I follow: the refund goes to the old card?',
    ],
    no: ['To be clear, the deposit is non-refundable.', 'If you have got the order number, I can look it up.'],
  },
  {
    id: 'normalizes',
    family: 'whatever is normal, not only "that is normal"',
    yes: ['A bit of clicking is normal when it switches rates.', 'Missing fixings crop up a fair bit with flat-pack.'],
    no: ['That’s not normal for a chair that new.'],
  },
  {
    id: 'lumps-together',
    family: 'crowds of callers and other customers’ stories, however told',
    yes: [
      'We get a lot of complaints about that this month.',
      'We get this sort of dispute all the time.',
      'A lady last month stored with us for two months.',
      'You’re the fifth person today to ask me that.',
      'Folk like you always leave it late.',
      'We’ve been inundated with calls about this.',
    ],
    no: ['It was given to another patient because you were late.', 'Lots of people find this form tricky.'],
  },
  {
    id: 'relates',
    family: 'a brief story in a clause, in the present, or about the rep’s household; not an aside or a hypothetical',
    yes: [
      'It catches people out, and it caught me out too when I joined.',
      'I remember my first gig, I was fourteen.',
      'When our family dog had a lump checked, the wait was the longest week of my life.',
      'Ha, my cat does the exact same thing with cables.',
    ],
    no: [
      'I’m sorry, I sent you the wrong form last week.',
      'The same fee applies to every booking made after May, I’m afraid.',
      'You sound overwhelmed, and I’d be the same.',
      'I’ve switched your pickup to the same time.',
      'I’m sorry, our network logged a connection anyway, which shouldn’t happen.',
    ],
  },
  {
    id: 'overshares',
    family: 'a long story that starts before its past-tense sentence',
    yes: [
      'Guests are welcome on Fridays. I bring my sister most weeks, actually. She hated spin at first but now she books before I do. We’ve even started doing the hill class together.',
      'It’s closed until Thursday, I’m afraid. I’m gutted myself, I use it every day after my shift. I’ve been going since I joined in 2019 and never known it shut this long. My physio reckons it’s why I’m still working.',
    ],
    no: ['It caught me out too when I joined. I’ve switched you to monthly.'],
  },
  {
    id: 'together',
    family: '"let’s" with any doing, and "together" when the two of them do it',
    yes: ['Let’s book you in with Jordan.', 'Let’s find you something that lasts.', 'We can watch the reading together.'],
    no: [
      'Take them together with food.',
      'We put the two orders together so they arrive in one box.',
      'I’ll stay on the chat with you until they arrive.',
      'Let’s be honest, the fee is high.',
      'Let us know if it hasn’t arrived.',
    ],
  },
];

describe('the coach’s detectors on families of phrasing', () => {
  for (const f of families) {
    it(`${f.id}: ${f.family}`, () => {
      for (const text of f.yes) expect(found(text, ctx(f.context)).has(f.id), `should find ${f.id} in: ${text}`).toBe(true);
      for (const text of f.no) expect(found(text, ctx(f.context)).has(f.id), `should not find ${f.id} in: ${text}`).toBe(false);
    });
  }

  it('yes-but: a concession that opens its own clause', () => {
    expect(found('You’re clearly irritated, and fair enough. But the fee stands.').has('yes-but')).toBe(true);
  });

  it('congratulates: praise for what they did', () => {
    expect(found('That’s a huge achievement, I’m really proud of you.', ctx({ clue: { news: 'good' } })).has('congratulates')).toBe(true);
  });
});

// The second held-out set missed whole families, not single phrasings: the rep's own story told apart from friends',
// other customers', hypotheticals and general knowledge; a long story told in few sentences or in pieces; the crowd
// said in many ways; handoffs that do have an owner and a time. Each family has members the tuning set does not hold
// and the lookalikes (negations, summonses, the business) that share its words.
const secondRound: typeof families = [
  {
    id: 'relates',
    family: 'the rep’s own experience, in the past, as a habit or a likeness, or the household’s',
    yes: [
      'I lived next to a railway for a year, so I know how that noise gets to you.',
      'I’m forever forgetting my own PIN, to be honest.',
      'Oh, mine’s exactly the same, the lid never shuts properly.',
      'When we lost our terrier last spring, I couldn’t face the vet’s for weeks.',
    ],
    no: [
      'A friend of mine had the same thing with her bank last year.',
      'My neighbour’s boiler did exactly the same last winter.',
      'The last customer I spoke to had exactly the same problem.',
      'If that were my car, I’d want it fixed today too.',
      'These boilers often lock out when the pressure drops.',
      'I’ve worked here for ten years and I’ve never seen that.',
      'My order is the same as yours.',
    ],
  },
  {
    id: 'overshares',
    family: 'everything the rep says of themselves, in words as well as sentences, however it is split',
    yes: [
      'When I moved flat last spring the landlord kept the whole deposit over one scuff on the skirting board, and I spent weeks writing letters and ringing the deposit scheme and my cousin the solicitor before I got any of it back, and honestly it soured the whole move for me. Let me look at yours now.',
      'My dad was caught by a scam call in 2021. I spent months helping him chase the bank. He was in a right state for weeks. So yeah, I’ve been there.',
      'I had the same knee operation in 2020. I was on crutches for twelve weeks. I’m walking five miles a week now. Anyway, about the form.',
      'I bought the same boots the day they came out. I’ve worn them every day since. My partner says I should give them a rest.',
    ],
    no: [
      'I had the same knee operation in 2020, and I’m walking fine now. I’ll send the form today.',
      'My dad was caught by a scam call once too. I’m freezing your card now and I’ll call you by four.',
      'I’ve checked your statements for March, April and May, and the payment was taken twice in April. I’ve refunded it today and I’ll email you the breakdown this afternoon.',
    ],
  },
  {
    id: 'relates',
    family: 'a story that goes on past "now" is one story, not a brief relate beside it',
    yes: ['I had the same knee operation in 2020, and I’m walking fine now. I’ll send the form today.'],
    no: ['I had the same knee operation in 2020. I was on crutches for twelve weeks. I’m walking five miles a week now. Anyway, about the form.'],
  },
  {
    id: 'lumps-together',
    family: 'the crowd however it is said, and other customers known by name, place or time',
    yes: [
      'You and half the town, love.',
      'We’ve fielded dozens of calls about the road closure.',
      'We receive a great many letters like yours.',
      'Join the club.',
      'Everyone’s parcel is late this week.',
      'You’ll just have to wait like everyone else.',
      'You’re one of about thirty people who’ve rung about it this morning.',
      'There was a gentleman in earlier with exactly the same fault.',
      'Mrs Adeyemi from the corner shop had the same leak last month.',
      'The couple next door had their fence blown down too.',
    ],
    no: [
      'I’ve read all of your emails today.',
      'We don’t get many calls like yours.',
      'Our engineer, Mr Adeyemi, will call you on Thursday at ten.',
      'The driver’s photo shows there was a man at the door who signed for it.',
      'Sit with everyone else in the lounge until your name is called.',
      'Lots of people find this form tricky, so you’re in good company.',
      'Every other week the bins go out on a Tuesday.',
    ],
  },
  {
    id: 'vague-handoff',
    family: 'no owner or no time; not where a named person, a job or the rep follows it up by a time, nor a summons',
    yes: [
      'Your visit will be rescheduled and you’ll get a text.',
      'Someone from the parks team should pop round at some point.',
      'It’s been passed to our billing team and they’ll get back to you.',
      'Your complaint was forwarded to the customer relations team.',
    ],
    no: [
      'I’ve passed it to our billing team and I’ll ring you back by four with their answer.',
      'Take a seat and the doctor will call you through.',
      'Your claim was referred for a second opinion, so it took longer.',
      'The engineer will come out on Tuesday between eight and twelve.',
      'I won’t pass this on; I’m sorting it myself today.',
    ],
  },
  {
    id: 'normalizes',
    family: 'an ordinary slip in any wording, and not being hard on yourself',
    yes: [
      'Mixing up the dates is a really common slip.',
      'Forgetting a password is the most normal thing in the world.',
      'That one trips up a good many people.',
      'Half the people who fill this in get stuck on page two.',
      'Don’t feel daft about it.',
      'You’re not being silly at all.',
    ],
    no: ['It’s common practice to ask for ID.', 'Our normal hours are nine to five.', 'Most customers pay by direct debit.', 'It isn’t normal for the light to flash red.'],
  },
  {
    id: 'jargon',
    family: 'a listed term with a prefix, and trade terms from lines and billing',
    yes: ['Your workspace was deprovisioned overnight.', 'There’s high attenuation on your line.', 'The card failed the dunning cycle.'],
    no: ['Your account was closed overnight.', 'The line is noisy, so I’m sending an engineer.', 'I’ve resent the link.'],
  },
  {
    id: 'commits-action',
    family: 'getting it done through someone is concrete; a hedge before the “I” or a promise to pass it on is not',
    yes: ['I’ll get your car booked in for Monday.', 'I’ll have it signed off by the manager today.'],
    no: ['Maybe I could look tomorrow.', 'I’ll make sure it gets passed on, and someone will be in touch.', 'I’ve worked here for years, so I know the form.'],
  },
];

describe('the coach’s detectors on the second round of families', () => {
  for (const f of secondRound) {
    it(`${f.id}: ${f.family}`, () => {
      for (const text of f.yes) expect(found(text, ctx(f.context)).has(f.id), `should find ${f.id} in: ${text}`).toBe(true);
      for (const text of f.no) expect(found(text, ctx(f.context)).has(f.id), `should not find ${f.id} in: ${text}`).toBe(false);
    });
  }
});

// The third held-out set missed vague-handoff and blames-customer by family: passives with no agent or a team as agent,
// the customer sent elsewhere, someone else or "we" with no time; duties and faults placed on them, reminders of what
// they were told, things done wrong, reproachful questions. Each family has members beyond the tuning wording and the
// lookalikes (negations, the rep owning it, an owner with a time, what was done to them) that share its words.
const thirdRound: typeof families = [
  {
    id: 'vague-handoff',
    family: 'handled by another team or by nobody, in any passive; not work already done, nor with the rep following up by a time',
    yes: [
      'Damaged parcels are dealt with by our claims people.',
      'It’s being looked into.',
      'Refunds get processed by the revenues team.',
      'Maintenance have been notified.',
      'Any dispute should be raised with the billing team via the online form.',
      'Your feedback has been noted.',
    ],
    no: [
      'It’s been looked at already — the electrician replaced the fuse this morning.',
      'Refunds are processed by our payments team overnight. I’ll check it’s gone through and message you tomorrow.',
      'So the fault code that’s logged is a P0420.',
    ],
  },
  {
    id: 'vague-handoff',
    family: 'the customer sent elsewhere; not when negated, when the call is to us, or when what they ring is a thing',
    yes: [
      'You may wish to speak to your GP about alternatives.',
      'You’d be best popping back when she’s in.',
      'For further assistance, please contact the relevant embassy.',
      'Give them a ring on the number on your agreement.',
      'Theft from lockers is a police matter, so you’ll need to report it to them.',
      'Claims are handled separately, so you’d want to ring the claims line on Monday.',
    ],
    no: [
      'You don’t need to contact the bank at all — I’ll deal with them this afternoon.',
      'Ring us back any time if it happens again.',
      'Go on, ring the bell by the rack, you’ve earned it.',
      'Go to the settings menu and tap Accounts.',
    ],
  },
  {
    id: 'vague-handoff',
    family: 'someone else, “we” with no time, the case going to a team; not the rep, or an owner with a time',
    yes: [
      'You can appeal, though someone else deals with appeals.',
      'We’ll get back to you.',
      'It’ll have to go up to the L2 team as an escalation.',
      'Somebody from there should drop you an email.',
      'Ooh, that’s one for the pharmacist, really.',
      'I’ll make sure your feedback reaches the right people.',
    ],
    no: [
      'I’m sending an emergency engineer now, and they’ll be with you within the hour.',
      'I had to go into a branch twice with my passport.',
      'We’ll ring you tomorrow at nine to confirm.',
      'I won’t pass this on; I’m sorting it myself today.',
    ],
  },
  {
    id: 'blames-customer',
    family: 'a duty or a fault placed on them or on customers like them; not negated, and not a place',
    yes: [
      'Guests are responsible for checking this before arrival.',
      'It is the passenger’s responsibility to make sure baggage is within limits.',
      'It’s on your side, I’m afraid — the router’s fine.',
      'Well, the terms say you’re responsible for checking the delivery address.',
      'It’s up to you to tell us about a change of address.',
    ],
    no: ['Your end looks fine; the fault is on our cable.', 'It’s on your side of the fence, so I’ll send the crew round.', 'You’re not responsible for the fee.'],
  },
  {
    id: 'blames-customer',
    family: 'a reminder of what they were told or agreed to, with the rule it holds against them',
    yes: [
      'As I explained on Monday, the voucher had to be used within the month.',
      'You were sent three reminders about this renewal, so it shouldn’t have come as a surprise.',
      'You agreed to the cancellation terms when you booked, so the deposit isn’t refundable.',
      'Frames aren’t covered unless you took the care plan, which you turned down at the time.',
    ],
    no: ['As I said, I’ll ring you at four.', 'You agreed to pay monthly, so I’ve set that up for the 1st.', 'As I said, the refund must reach you by Friday, and I’ll chase it if not.'],
  },
  {
    id: 'blames-customer',
    family: 'done wrong, a reproachful question, their act named as the cause, advice for next time',
    yes: [
      'Perhaps you gave the finance company the wrong reference number.',
      'You’ve put the wrong postcode in.',
      'Did you not see the sign by the door?',
      'You’ll have been drying washing indoors, that’s what does it.',
      'Honestly, that’s what happens when you don’t clean the filter.',
      'Perhaps next time you could double-check the size chart before ordering.',
      'Stock updates overnight, so you should always ring ahead.',
    ],
    no: [
      'You received the wrong size, and I’ve sent the right one today.',
      'You’re worried the message means you’ve done something wrong. It doesn’t.',
      'Next time you’re in, I’ll buy you a coffee.',
      'Did you not get my email? I’ll resend it now.',
      'You asked for next-day delivery, which is why it came so fast.',
    ],
  },
  {
    id: 'blames-customer',
    family: 'negations, what was done to them, and the rep owning it take the blame back',
    yes: ['You shouldn’t have thrown the box away.'],
    no: [
      'You never asked to switch, and the mistake was ours.',
      'You should not have been charged, and the mistake was ours.',
      'You weren’t told about the fee, and you should have been.',
      'You shouldn’t have had to chase us twice.',
      'You couldn’t have known about the change.',
      'If you’d let us, we’d love to welcome you back.',
    ],
  },
];

describe('the coach’s detectors on the third round of families', () => {
  for (const f of thirdRound) {
    it(`${f.id}: ${f.family}`, () => {
      for (const text of f.yes) expect(found(text, ctx(f.context)).has(f.id), `should find ${f.id} in: ${text}`).toBe(true);
      for (const text of f.no) expect(found(text, ctx(f.context)).has(f.id), `should not find ${f.id} in: ${text}`).toBe(false);
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

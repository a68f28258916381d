// The coach's detectors on families of phrasing, each with the lookalikes that share its words.
import { describe, expect, it } from 'vitest';
import { ctx, type Family, found, itFindsEach } from './testing';

// Families of phrasing rather than single phrases: the first held-out set showed rules fitted to the tuning
// wording, so each family here has a few members and the lookalikes (negations, hedges, the rep's own story)
// that share its words.
const families: Family[] = [
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
  itFindsEach(families);

  it('yes-but: a concession that opens its own clause', () => {
    expect(found('You’re clearly irritated, and fair enough. But the fee stands.').has('yes-but')).toBe(true);
  });

  it('congratulates: praise for what they did', () => {
    expect(found('That’s a huge achievement, I’m really proud of you.', ctx({ clue: { news: 'good' } })).has('congratulates')).toBe(true);
  });
});

// The families of phrasing the second and third held-out sets found missing, each with the lookalikes that share its words.
import { describe } from 'vitest';
import { type Family, itFindsEach } from './testing';

// The second held-out set missed whole families, not single phrasings: the rep's own story told apart from friends',
// other customers', hypotheticals and general knowledge; a long story told in few sentences or in pieces; the crowd
// said in many ways; handoffs that do have an owner and a time. Each family has members the tuning set does not hold
// and the lookalikes (negations, summonses, the business) that share its words.
const secondRound: Family[] = [
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
  itFindsEach(secondRound);
});

// The third held-out set missed vague-handoff and blames-customer by family: passives with no agent or a team as agent,
// the customer sent elsewhere, someone else or "we" with no time; duties and faults placed on them, reminders of what
// they were told, things done wrong, reproachful questions. Each family has members beyond the tuning wording and the
// lookalikes (negations, the rep owning it, an owner with a time, what was done to them) that share its words.
const thirdRound: Family[] = [
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
  itFindsEach(thirdRound);
});

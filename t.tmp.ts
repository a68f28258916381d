import { ownWords } from '@/lib/coach/context';
for (const t of ['Please note that Tidewell Bank cannot be held responsible for payments sent to incorrect beneficiary details.', "I'm sure it'll all be fine, try not to worry.", 'Thanks for your question. Our lines are open eight till eight, Monday to Saturday.']) console.log(JSON.stringify(ownWords(t)));

// The components course modules use, rendered on the server at build time; checks and notes hydrate in the browser.
import Link from 'next/link';
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { Check, Option } from './Check';
import { Reflect } from './Reflect';
import { EmpathyMap } from './EmpathyMap';

const channelLabel: Record<string, string> = { phone: 'Phone call', chat: 'Chat', email: 'Email', 'in-person': 'In person' };

function Dialogue({ channel, customer, children }: { channel: string; customer: string; children?: ReactNode }) {
  return (
    <figure className="dialogue" data-channel={channel}>
      <figcaption className="dialogue-channel">
        {channelLabel[channel] ?? channel} with {customer}
      </figcaption>
      <div className="dialogue-lines">
        {Children.map(children, (child) =>
          isValidElement(child) ? cloneElement(child as ReactElement<{ name?: string }>, { name: customer }) : child,
        )}
      </div>
    </figure>
  );
}

function Customer({ cue, name, children }: { cue?: string; name?: string; children?: ReactNode }) {
  return (
    <div className="line line-customer">
      <span className="line-who">{name ?? 'Customer'}</span>
      {cue && <span className="line-cue">({cue})</span>}
      <div className="line-text">{children}</div>
    </div>
  );
}

function Rep({ children }: { name?: string; children?: ReactNode }) {
  return (
    <div className="line line-rep">
      <span className="line-who">You</span>
      <div className="line-text">{children}</div>
    </div>
  );
}

function Compare({ moment, weak, strong, children }: { moment: string; weak: string; strong: string; children?: ReactNode }) {
  return (
    // A group, not a region: a module has several of these, and landmarks must be few and uniquely named.
    <div className="compare" role="group" aria-label="Weak and strong replies">
      <p className="compare-moment">{moment}</p>
      <div className="compare-pair">
        <div className="compare-reply compare-weak">
          <p className="compare-tag">Weaker reply</p>
          <blockquote>{weak}</blockquote>
        </div>
        <div className="compare-reply compare-strong">
          <p className="compare-tag">Stronger reply</p>
          <blockquote>{strong}</blockquote>
        </div>
      </div>
      <div className="compare-why">
        <p className="compare-tag">Why it matters</p>
        {children}
      </div>
    </div>
  );
}

const calloutTitle: Record<string, string> = { key: 'Remember', tip: 'Tip', mistake: 'Watch out' };

function Callout({ kind, children }: { kind: string; children?: ReactNode }) {
  return (
    // A note rather than an aside: a complementary landmark inside main is one more stop for landmark navigation.
    <div className="callout" role="note" data-kind={kind}>
      <p className="callout-title">{calloutTitle[kind] ?? 'Note'}</p>
      <div>{children}</div>
    </div>
  );
}

function PracticeLink({ scenario, children }: { scenario: string; children?: ReactNode }) {
  return (
    <p className="practice-link">
      <Link href={`/practice/${encodeURIComponent(scenario)}`}>
        <span className="practice-link-label">Practise</span> {children}
      </Link>
    </p>
  );
}

export const lessonComponents = { Dialogue, Customer, Rep, Compare, Check, Option, Reflect, EmpathyMap, Callout, PracticeLink };

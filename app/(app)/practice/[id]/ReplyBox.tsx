'use client';
// The learner's own words: the reply box with its keys (Ctrl+Enter sends, Esc goes back), and the reply while it is being sent.
import type { Ref } from 'react';
import { isBlankReply, MAX_REPLY_LENGTH } from '@/lib/coach/limits';

interface Props {
  customerName: string;
  draft: string;
  onDraft(text: string): void;
  onSend(): void;
  /** Back to the choices, keeping the draft. */
  onBack(): void;
  /** The box, which takes focus when it opens. */
  ref: Ref<HTMLTextAreaElement>;
}

export function ReplyBox({ customerName, draft, onDraft, onSend, onBack, ref }: Props) {
  return (
    <form
      className="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <label htmlFor="own-reply" className="choices-title">
        Your reply to {customerName.split(' ')[0]}, in your own words
      </label>
      <textarea
        id="own-reply"
        ref={ref}
        value={draft}
        maxLength={MAX_REPLY_LENGTH}
        rows={4}
        aria-describedby="own-reply-hint"
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSend();
          }
          if (e.key === 'Escape') onBack();
        }}
      />
      <p id="own-reply-hint" className="reply-hint">
        Ctrl+Enter sends; Esc goes back to the choices. {draft.length} / {MAX_REPLY_LENGTH} characters.
      </p>
      <div className="reply-actions">
        <button type="submit" className="button button-primary" disabled={isBlankReply(draft)}>
          Send reply
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          Back to the choices
        </button>
      </div>
    </form>
  );
}

/** A typed reply on its way, shown until the answer comes (or with the error if it does not). */
export function PendingReply({ text }: { text: string }) {
  return (
    <p className="reply-pending">
      <span className="line-who">Sending your reply</span> {text}
    </p>
  );
}

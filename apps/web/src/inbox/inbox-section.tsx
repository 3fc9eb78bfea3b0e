import type { ReactNode } from 'react';
import { Button } from '../ui/button';

export interface InboxSectionProps {
  id: string;
  title: string;
  /** The count shown in the heading (« 3 », « 10 ou plus »). */
  count: string;
  /** A line under the heading: who decides, when it matters. */
  intro?: ReactNode;
  /** What the coordination reads when nothing waits: what would appear here, and why. */
  empty: ReactNode;
  isEmpty: boolean;
  /** The list's own error, shown in the section without hiding the others. */
  error?: string;
  /** « Afficher plus », when more entries follow. */
  more?: { label: string; pending?: boolean; onPress(): void };
  children?: ReactNode;
}

/** One kind of thing waiting for the coordination: its heading with the count, then the entries. */
export function InboxSection({
  id,
  title,
  count,
  intro,
  empty,
  isEmpty,
  error,
  more,
  children,
}: InboxSectionProps) {
  return (
    <section aria-labelledby={id} className="inbox-section">
      <h2 id={id}>
        {title} <span className="count">({count})</span>
      </h2>
      {intro ? <p className="hint reading-width">{intro}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {isEmpty ? <p className="muted">{empty}</p> : <ul className="inbox-list">{children}</ul>}
      {more ? (
        <Button variant="quiet" isPending={more.pending} onPress={more.onPress}>
          {more.label}
        </Button>
      ) : null}
    </section>
  );
}

/** One entry: what it is about, how long it has waited, and what to do next. */
export function InboxEntry({
  title,
  facts,
  details,
  next,
}: {
  title: ReactNode;
  facts: ReactNode;
  details?: ReactNode;
  next: ReactNode;
}) {
  return (
    <li className="inbox-entry">
      <div className="inbox-entry-body">
        <h3 className="inbox-entry-title">{title}</h3>
        <p className="inbox-entry-facts">{facts}</p>
        {details}
      </div>
      <div className="inbox-entry-next">{next}</div>
    </li>
  );
}

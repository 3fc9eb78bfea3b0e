import type { ReactNode } from 'react';

/** One part of a follow-up's page: a titled section that screen readers list by its heading. */
export function FollowUpSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="situation-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

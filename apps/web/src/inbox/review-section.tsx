import { readError } from '../graphql/errors';
import { daysBetween, localCalendarDay } from '../referrals/calendar-day';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { SECTION_SIZE } from './decision-sections';
import { InboxEntry, InboxSection } from './inbox-section';
import { countWords, sinceWords } from './inbox-words';
import { ReviewsDueQuery } from './inbox.operations';
import type { ReviewDue } from './inbox.operations';
import { situationPath } from './inbox-paths';
import { useConnectionList } from './use-cursor-list';

/** Since when the review waits: its date passed, or the situation marked « à réexaminer ». */
function reviewFacts(situation: ReviewDue, today: string): string {
  if (!situation.nextReviewOn) return situation.statusLabel;
  const day = frenchCalendarDate(situation.nextReviewOn, { weekday: false });
  const days = daysBetween(situation.nextReviewOn, today);
  return days > 0
    ? `${situation.statusLabel} · réexamen attendu ${sinceWords(days)} (prévu le ${day})`
    : `${situation.statusLabel} · réexamen prévu aujourd’hui`;
}

/** Situations whose review is due (the Situations list's own query, filtered on today), ten at a time. */
export function ReviewDueSection({ territoryId }: { territoryId: string }) {
  const today = localCalendarDay();
  const list = useConnectionList(ReviewsDueQuery, { territoryId, today }, SECTION_SIZE, 'situations');
  const situations = list.nodes ?? [];
  if (!list.nodes && !list.error) return <p role="status">Chargement des réexamens…</p>;
  return (
    <InboxSection
      id="reexamens"
      title="Situations à réexaminer"
      count={countWords(situations.length, list.hasMore)}
      isEmpty={!situations.length}
      error={list.error ? readError(list.error).message : undefined}
      empty="Aucune situation n’attend son réexamen. Une situation apparaît ici quand la date de réexamen fixée par la cellule arrive, ou quand elle est marquée « à réexaminer »."
      more={
        list.hasMore
          ? {
              label: 'Afficher plus de situations à réexaminer',
              pending: list.loadingMore,
              onPress: () => void list.showMore(),
            }
          : undefined
      }
    >
      {situations.map((situation) => (
        <InboxEntry
          key={situation.id}
          title={`${situation.person.caseCode} · ${situation.person.pseudonym}`}
          facts={reviewFacts(situation, today)}
          details={<p className="inbox-entry-quote">{situation.nextStep}</p>}
          next={
            <p>
              <Link to={situationPath(situation.id)}>
                Ouvrir la situation<span className="visually-hidden"> {situation.person.caseCode}</span>
              </Link>
            </p>
          }
        />
      ))}
    </InboxSection>
  );
}

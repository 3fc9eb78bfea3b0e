import { useShownOnce } from '../directory/use-directory-names';
import { readError } from '../graphql/errors';
import { localCalendarDay } from '../referrals/calendar-day';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { InboxEntry, InboxSection } from './inbox-section';
import { countWords, daysSince, lateWords, sinceWords } from './inbox-words';
import { HandoffsAwaitingAnswerQuery, OverdueActionsQuery } from './inbox.operations';
import { namesError, useInboxPartnerNames } from './inbox-partner-names';
import { situationPath } from './inbox-paths';
import { SECTION_SIZE } from './decision-sections';
import { useConnectionList } from './use-cursor-list';
import type { CursorList } from './use-cursor-list';

interface FollowProps {
  territoryId: string;
}

function moreOf<Node>(list: CursorList<Node>, label: string) {
  return list.hasMore ? { label, pending: list.loadingMore, onPress: () => void list.showMore() } : undefined;
}

/** Every partner's late actions, the longest late first, read ten at a time. */
export function OverdueActionSection({ territoryId }: FollowProps) {
  const list = useConnectionList(OverdueActionsQuery, { territoryId }, SECTION_SIZE, 'overdueActions');
  const names = useInboxPartnerNames(
    territoryId,
    list.nodes?.map((action) => action.ownerOrganisationId) ?? [],
  );
  const organisationName = names.nameOf;
  const shown = useShownOnce(!!list.nodes && !names.loading);
  const today = localCalendarDay();
  const actions = list.nodes ?? [];
  if (!shown && !list.error) return <p role="status">Chargement des actions en retard…</p>;
  return (
    <InboxSection
      id="actions-en-retard"
      title="Actions en retard"
      count={countWords(actions.length, list.hasMore)}
      isEmpty={!actions.length}
      error={list.error ? readError(list.error).message : namesError(names)}
      empty="Aucune action en retard dans le territoire. Quand un partenaire dépasse l’échéance d’une action décidée en séance, elle apparaît ici pour que vous puissiez le relancer."
      more={moreOf(list, 'Afficher plus d’actions en retard')}
    >
      {actions.map((action) => (
        <InboxEntry
          key={action.id}
          title={`${action.caseCode} · ${organisationName(action.ownerOrganisationId)}`}
          facts={`${lateWords(action.dueOn, today)} · échéance le ${frenchCalendarDate(action.dueOn, { weekday: false })}`}
          details={<p className="inbox-entry-quote multiline">{action.description}</p>}
          next={
            action.situationId ? (
              <p>
                <Link to={situationPath(action.situationId)}>
                  Voir la situation<span className="visually-hidden"> {action.caseCode}</span> et relancer le
                  partenaire
                </Link>
              </p>
            ) : (
              <p className="muted">Relancez {organisationName(action.ownerOrganisationId)}.</p>
            )
          }
        />
      ))}
    </InboxSection>
  );
}

/** Hand-offs proposed to a common-law partner that has not answered yet, the longest waiting first. */
export function AwaitingHandoffSection({ territoryId }: FollowProps) {
  const list = useConnectionList(
    HandoffsAwaitingAnswerQuery,
    { territoryId },
    SECTION_SIZE,
    'handoffsAwaitingAnswer',
  );
  const names = useInboxPartnerNames(
    territoryId,
    list.nodes?.flatMap((handoff) => [handoff.receivingOrganisationId, handoff.proposedByOrganisationId]) ??
      [],
  );
  const organisationName = names.nameOf;
  const shown = useShownOnce(!!list.nodes && !names.loading);
  const today = localCalendarDay();
  const handoffs = list.nodes ?? [];
  if (!shown && !list.error) return <p role="status">Chargement des passages de relais…</p>;
  return (
    <InboxSection
      id="relais-sans-reponse"
      title="Passages de relais sans réponse"
      count={countWords(handoffs.length, list.hasMore)}
      isEmpty={!handoffs.length}
      error={list.error ? readError(list.error).message : namesError(names)}
      empty="Aucun passage de relais n’attend de réponse. Un relais proposé à un partenaire du droit commun apparaît ici tant que ce partenaire ne l’a ni accepté ni décliné."
      more={moreOf(list, 'Afficher plus de passages de relais')}
    >
      {handoffs.map((handoff) => (
        <InboxEntry
          key={handoff.id}
          title={`${handoff.caseCode} · vers ${organisationName(handoff.receivingOrganisationId)}`}
          facts={`proposé par ${organisationName(handoff.proposedByOrganisationId)} · sans réponse ${sinceWords(daysSince(handoff.proposedAt, today))}`}
          next={
            <p>
              <Link to={situationPath(handoff.situationId)}>
                Voir la situation<span className="visually-hidden"> {handoff.caseCode}</span> et relancer{' '}
                {organisationName(handoff.receivingOrganisationId)}
              </Link>
            </p>
          }
        />
      ))}
    </InboxSection>
  );
}

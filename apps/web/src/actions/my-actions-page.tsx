import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readError } from '../graphql/errors';
import { TerritoryChoice } from '../referrals/territory-choice';
import { Link } from '../routing/link';
import { localCalendarDay } from '../referrals/calendar-day';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { ActionGroup } from './action-group';
import { groupActions, groupsComplete } from './action-groups';
import { FINISHED_ACTION_STATUSES, OPEN_ACTION_STATUSES } from './action-status';
import { ShowMore } from './show-more';
import { useActionList } from './use-action-list';
import { useReferralsOfActions } from './use-referrals-of-actions';
import '../referrals/referrals.css';
import '../ui/dialog.css';
import './actions.css';

/** « Mes actions » : what the cell entrusted to my organisation, the late first, and where each stands. */
export function MyActionsPage() {
  usePageTitle('Mes actions');
  return (
    <>
      <h1>Mes actions</h1>
      <TerritoryChoice>
        {(territory) => <MyActions key={territory.id} territoryId={territory.id} />}
      </TerritoryChoice>
    </>
  );
}

function MyActions({ territoryId }: { territoryId: string }) {
  // Open actions soonest due first (the late ones lead); finished ones the latest due first.
  const open = useActionList({ territoryId, statuses: OPEN_ACTION_STATUSES, order: 'SOONEST_DUE_FIRST' });
  const finished = useActionList({
    territoryId,
    statuses: FINISHED_ACTION_STATUSES,
    order: 'LATEST_DUE_FIRST',
  });
  const [announcement, setAnnouncement] = useState<{ message: string; at: number }>();
  const announced = useRef<HTMLDivElement>(null);
  const today = localCalendarDay();
  // The referrals about the people of the actions shown: a link and a pseudonym for each.
  const shownCaseCodes = useMemo(
    () =>
      open.actions && finished.actions
        ? [...open.actions, ...finished.actions].map((action) => action.caseCode)
        : undefined,
    [open.actions, finished.actions],
  );
  const referrals = useReferralsOfActions(territoryId, shownCaseCodes);
  const { referralOf } = referrals;

  const groups = useMemo(
    () => groupActions([...(open.actions ?? []), ...(finished.actions ?? [])], today),
    [open.actions, finished.actions, today],
  );
  const complete = groupsComplete({ actions: open.actions ?? [], hasMore: open.hasMore }, finished, today);

  // The changed action may move to another group: the reading position goes to the confirmation.
  useEffect(() => {
    if (announcement) announced.current?.focus();
  }, [announcement]);

  const { refresh: refreshOpen } = open;
  const { refresh: refreshFinished } = finished;
  const onUpdated = useCallback(
    (message: string) => {
      setAnnouncement({ message, at: Date.now() });
      void refreshOpen();
      void refreshFinished();
    },
    [refreshOpen, refreshFinished],
  );

  const firstError = open.error ?? finished.error ?? referrals.error;
  if (!open.actions || !finished.actions || (!referrals.loaded && !firstError)) {
    if (firstError) return <Notice tone="error">{readError(firstError).message}</Notice>;
    return <p role="status">Chargement de vos actions…</p>;
  }
  const nothing = !open.actions.length && !finished.actions.length && !open.hasMore && !finished.hasMore;
  const groupProps = { today, referralOf, onUpdated };

  return (
    <>
      <p className="lead">
        Les actions que la cellule a confiées à votre organisation, à l’issue de ses séances, quel que soit le
        partenaire qui lui a adressé la situation. Dites où chacune en est : la coordination le voit.
      </p>
      {firstError ? <Notice tone="error">{readError(firstError).message}</Notice> : null}
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement">
          <Notice tone="success">{announcement.message}</Notice>
        </div>
      ) : null}
      {nothing ? (
        <p>
          Aucune action n’est confiée à votre organisation pour l’instant. Quand la cellule décide d’une
          action pour vous, elle apparaît ici. Voir <Link to="/saisines">Mes saisines</Link>.
        </p>
      ) : (
        <>
          <ActionGroup
            id="en-retard"
            title="En retard"
            empty="Aucune action en retard."
            actions={groups.overdue}
            complete={complete.overdue}
            {...groupProps}
          />
          <ActionGroup
            id="a-faire"
            title="À faire"
            empty="Aucune autre action à mener."
            actions={groups.toDo}
            complete={complete.toDo}
            {...groupProps}
          >
            <ShowMore list={open} label="Afficher plus d’actions à mener" />
          </ActionGroup>
          <ActionGroup
            id="terminees"
            title="Terminées"
            empty="Aucune action faite ou annulée pour l’instant."
            actions={groups.finished}
            complete={complete.finished}
            {...groupProps}
          >
            <ShowMore list={finished} label="Afficher plus d’actions terminées" />
          </ActionGroup>
        </>
      )}
    </>
  );
}

import { useCallback, useRef, useState } from 'react';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { CoordinatedTerritoryChoice } from './coordinated-territory';
import { DerogationSection, ReferralSection, SECTION_SIZE } from './decision-sections';
import { AwaitingHandoffSection, OverdueActionSection } from './follow-sections';
import { ReferralsToReviewQuery } from './inbox.operations';
import { ReviewDueSection } from './review-section';
import { useConnectionList } from './use-cursor-list';
import { usePendingDerogations } from './use-pending-derogations';
import '../referrals/referrals.css';
import '../actions/actions.css';
import '../ui/dialog.css';
import '../ui/page-parts.css';
import './inbox.css';

/** « À traiter » : what waits for the coordination, what to decide first, then what to chase. */
export function InboxPage() {
  usePageTitle('À traiter');
  return (
    <>
      <h1>À traiter</h1>
      <CoordinatedTerritoryChoice>
        {(territory) => <Inbox key={territory.id} territoryId={territory.id} />}
      </CoordinatedTerritoryChoice>
    </>
  );
}

interface Told {
  message: string;
  tone: 'success' | 'error';
  at: number;
}

function Inbox({ territoryId }: { territoryId: string }) {
  const referrals = useConnectionList(
    ReferralsToReviewQuery,
    { territoryId },
    SECTION_SIZE,
    'referralsToReview',
  );
  const derogations = usePendingDerogations(territoryId, SECTION_SIZE);
  const { refresh: readReferralsAgain } = referrals;
  const { refresh: readDerogationsAgain } = derogations;
  const [told, setTold] = useState<Told>();
  const announced = useRef<HTMLDivElement>(null);
  // A decision moves its entry (or removes it): the reading position goes to what was done.
  useFocusOnChange(announced, told?.at);

  const onDecided = useCallback(
    (message: string) => {
      setTold({ message, tone: 'success', at: Date.now() });
      void readReferralsAgain();
      void readDerogationsAgain();
    },
    [readReferralsAgain, readDerogationsAgain],
  );
  const onRefused = useCallback((message: string) => setTold({ message, tone: 'error', at: Date.now() }), []);

  return (
    <>
      <p className="lead reading-width">
        Ce qui attend la coordination, le plus ancien d’abord : les saisines et les dérogations à décider,
        puis les actions et les passages de relais à relancer, et les situations à réexaminer.
      </p>
      {told ? (
        <div ref={announced} tabIndex={-1} key={told.at} className="announcement">
          <Notice tone={told.tone}>{told.message}</Notice>
        </div>
      ) : null}
      <ReferralSection list={referrals} onDecided={onDecided} onRefused={onRefused} />
      <DerogationSection
        territoryId={territoryId}
        list={derogations}
        onDecided={onDecided}
        onRefused={onRefused}
      />
      <OverdueActionSection territoryId={territoryId} />
      <AwaitingHandoffSection territoryId={territoryId} />
      <ReviewDueSection territoryId={territoryId} />
    </>
  );
}

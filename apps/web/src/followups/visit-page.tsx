import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { localCalendarDay } from '../referrals/calendar-day';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { OfflineNotice } from './offline-notice';
import { VisitForm } from './visit-form';
import { useVisitDrafts } from './visit-drafts';
import { newVisit } from './visit-values';
import { useFollowUp } from './use-follow-up';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './follow-ups.css';

const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/** « Enregistrer une visite »: the follow-up's team and who I am, then the form (a draft resumed). */
export function VisitPage({ followUpId }: { followUpId: string }) {
  const result = useFollowUp(followUpId);
  const drafts = useVisitDrafts();
  const followUp = result.data?.followUp;
  const me = result.data?.me;
  usePageTitle(followUp ? `Enregistrer une visite — ${followUp.caseCode}` : 'Enregistrer une visite');

  if (!followUp || !me) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Enregistrer une visite</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement…</p>
        )}
      </>
    );
  }

  const back = <Link to={`/suivis/${followUp.id}`}>Retour à l’accompagnement {followUp.caseCode}</Link>;
  if (followUp.phase === 'ENDED') {
    return (
      <>
        <h1>Enregistrer une visite — {followUp.caseCode}</h1>
        <p>Cet accompagnement est terminé : on n’y enregistre plus de visite.</p>
        <p>{back}</p>
      </>
    );
  }
  const draft = drafts.get(followUp.id);
  return (
    <>
      <h1>Enregistrer une visite — {followUp.caseCode}</h1>
      <p className="lead">{back}</p>
      {result.offline ? <OfflineNotice /> : null}
      <VisitForm
        followUp={followUp}
        myId={me.id}
        // The api writes a health-only note only for its health sharing category: the same test here.
        healthProfessional={me.sharingCategory === 'HEALTH'}
        initial={draft ?? { ...newVisit(localCalendarDay(), me.id), unsent: false }}
      />
    </>
  );
}

import { useState } from 'react';
import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { FollowUpHandoffsSection } from '../handoffs/follow-up-handoffs-section';
import { ActsSection } from './acts-section';
import type { FollowUpDetail } from './follow-ups.operations';
import { FOLLOW_UP_PHASE_LABELS } from './follow-up-words';
import { IndicatorsSection } from './indicators-section';
import { ObjectivesSection } from './objectives-section';
import { PhaseSection } from './phase-section';
import { memberNames } from './team-names';
import { TeamSection } from './team-section';
import { OfflineNotice } from './offline-notice';
import { useVisitDraft, useVisitDrafts } from './visit-drafts';
import { useFollowUp } from './use-follow-up';
import '../referrals/referrals.css';
import '../situations/situations.css';
import '../ui/dialog.css';
import '../ui/page-parts.css';
import './follow-ups.css';

/** The api answers these alike for a follow-up that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/** The address of a follow-up's visit form. */
export const visitPath = (followUpId: string) => `/suivis/${followUpId}/visite`;

/**
 * One follow-up as the team member reads it: where it stands and the move to the next phase, the
 * team, the objectives, the acts with the notes the api sends this reader, and its figures; the
 * visit form one tap away.
 */
export function FollowUpPage({ followUpId }: { followUpId: string }) {
  const result = useFollowUp(followUpId);
  const followUp = result.data?.followUp;
  usePageTitle(followUp ? `Accompagnement ${followUp.caseCode}` : 'Accompagnement');

  if (!followUp) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Accompagnement</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement de l’accompagnement…</p>
        )}
      </>
    );
  }
  return <FollowUpView followUp={followUp} myId={result.data?.me.id} offline={result.offline} />;
}

function FollowUpView({
  followUp,
  myId,
  offline,
}: {
  followUp: FollowUpDetail;
  myId?: string;
  offline: boolean;
}) {
  const drafts = useVisitDrafts();
  // Said once, on return from the visit form.
  const [announced, setAnnounced] = useState(() => drafts.takeAnnouncement(followUp.id));
  const draft = useVisitDraft(followUp.id);
  const nameOf = memberNames(followUp.team, myId);
  const ended = followUp.phase === 'ENDED';

  return (
    <>
      <h1>Accompagnement {followUp.caseCode}</h1>
      <p className="lead">
        Phase « {FOLLOW_UP_PHASE_LABELS[followUp.phase]} » · <Link to="/suivis">Retour à mon suivi</Link>
      </p>
      {offline ? <OfflineNotice /> : null}
      {announced ? <Notice tone="success">{announced}</Notice> : null}
      {draft && !ended ? (
        <Notice tone={draft.unsent ? 'error' : 'info'}>
          {draft.unsent
            ? 'Une visite saisie n’a pas pu être enregistrée (connexion perdue) : elle est gardée sur cette page tant que vous restez connecté.'
            : 'Une visite commencée n’est pas encore enregistrée.'}{' '}
          <Link to={visitPath(followUp.id)}>Reprendre la visite non enregistrée</Link>
        </Notice>
      ) : null}
      {ended ? null : (
        <p>
          <Link to={visitPath(followUp.id)} className="button button-primary">
            Enregistrer une visite
          </Link>
        </p>
      )}

      <PhaseSection followUp={followUp} onMoved={setAnnounced} />
      <TeamSection followUp={followUp} myId={myId} />
      <ObjectivesSection followUp={followUp} onChanged={setAnnounced} />
      <ActsSection followUp={followUp} nameOf={nameOf} />
      <IndicatorsSection followUp={followUp} />
      <FollowUpHandoffsSection followUpId={followUp.id} situationId={followUp.situationId} />
    </>
  );
}

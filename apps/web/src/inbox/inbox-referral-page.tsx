import { useCallback, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { ReferralContent, ReferralHistory, ReferralPerson } from '../referrals/referral-content';
import type { ReferralDetail } from '../referrals/referrals.operations';
import { StatusTag } from '../referrals/status-tag';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { frenchDateTime } from '../ui/written-dates';
import { InboxReferralDetailQuery, ReferralIdentityQuery } from './inbox.operations';
import type { InboxReferralDetail } from './inbox.operations';
import { INBOX_PATH } from './inbox-paths';
import { REFERRER_KIND_LABELS } from '../referrals/referral-labels';
import { ReferralDecisions } from './referral-decisions';
import '../referrals/referrals.css';
import '../ui/dialog.css';
import '../ui/page-parts.css';
import './inbox.css';

/** The api answers these alike for a referral that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * A referral as the coordination pre-reviews it: anonymous first (case code and pseudonym), its
 * content and history, what to decide; the identity only when asked for, where the api allows it.
 */
export function InboxReferralPage({ referralId }: { referralId: string }) {
  const [result, readAgain] = useQuery({ query: InboxReferralDetailQuery, variables: { referralId } });
  const referral = result.data?.referral;
  usePageTitle(referral ? `Saisine ${referral.person.caseCode} — pré-examen` : 'Saisine');
  if (!referral) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Saisine</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement de la saisine…</p>
        )}
      </>
    );
  }
  return <PreReview referral={referral} readAgain={() => readAgain({ requestPolicy: 'network-only' })} />;
}

interface Told {
  message: string;
  tone: 'success' | 'error';
  at: number;
}

function PreReview({ referral, readAgain }: { referral: InboxReferralDetail; readAgain(): void }) {
  const [told, setTold] = useState<Told>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, told?.at);
  const onDecided = useCallback(
    (message: string) => {
      setTold({ message, tone: 'success', at: Date.now() });
      readAgain();
    },
    [readAgain],
  );
  const onRefused = useCallback((message: string) => setTold({ message, tone: 'error', at: Date.now() }), []);
  const detail: ReferralDetail = { ...referral, identity: null };
  const open = referral.status === 'SUBMITTED' || referral.status === 'PRE_REVIEW';

  return (
    <>
      <h1>Saisine {referral.person.caseCode}</h1>
      <p className="lead">
        {referral.person.pseudonym} · <StatusTag status={referral.status} label={referral.statusLabel} />
      </p>
      <p>
        <Link to={INBOX_PATH}>Retour à À traiter</Link>
      </p>
      {told ? (
        <div ref={announced} tabIndex={-1} key={told.at} className="announcement">
          <Notice tone={told.tone}>{told.message}</Notice>
        </div>
      ) : null}
      <dl className="summary-list">
        <dt>Partenaire qui saisit</dt>
        <dd>{referral.referrerKind ? REFERRER_KIND_LABELS[referral.referrerKind] : 'Non communiqué'}</dd>
        <dt>Transmise le</dt>
        <dd>{referral.submittedAt ? frenchDateTime(referral.submittedAt) : 'Pas encore transmise'}</dd>
      </dl>
      {referral.possibleDuplicate ? (
        <Notice>
          Doublon possible : une personne du territoire porte les mêmes nom, prénom et date de naissance —{' '}
          <strong>
            {referral.possibleDuplicate.caseCode} ({referral.possibleDuplicate.pseudonym})
          </strong>
          . Vous le vérifierez en acceptant la saisine.
        </Notice>
      ) : null}
      {open ? (
        <section aria-labelledby="decider">
          <h2 id="decider">Décider</h2>
          <ReferralDecisions referral={referral} onDecided={onDecided} onRefused={onRefused} />
        </section>
      ) : null}
      <ReferralContent referral={detail} />
      <Identity referralId={referral.id} detail={detail} />
      <ReferralHistory referral={detail} />
    </>
  );
}

/** The identity stays out of the pre-review until the coordinator asks for it. */
function Identity({ referralId, detail }: { referralId: string; detail: ReferralDetail }) {
  const [asked, setAsked] = useState(false);
  const [result] = useQuery({ query: ReferralIdentityQuery, variables: { referralId }, pause: !asked });
  const identity = result.data?.referral.identity;
  if (!asked) {
    return (
      <section aria-labelledby="personne-identite">
        <h2 id="personne-identite">La personne</h2>
        <p>
          Le pré-examen se fait sans l’identité de la personne. Si vous en avez besoin (vérifier un doublon,
          contacter l’auteur), votre consultation est tracée.
        </p>
        <Button variant="quiet" onPress={() => setAsked(true)}>
          Afficher l’identité de la personne
        </Button>
      </section>
    );
  }
  if (result.error) return <Notice tone="error">{readError(result.error).message}</Notice>;
  if (!result.data) return <p role="status">Chargement de l’identité…</p>;
  if (!identity) {
    return (
      <section aria-labelledby="personne-identite">
        <h2 id="personne-identite">La personne</h2>
        <p>Son identité ne vous est pas communiquée pour cette saisine.</p>
      </section>
    );
  }
  return <ReferralPerson referral={{ ...detail, identity }} />;
}

import { useQuery } from 'urql';
import { useOrganisationNames } from '../directory/use-directory-names';
import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { Link } from '../routing/link';
import { frenchDate, frenchDateTime } from '../ui/written-dates';
import { Notice } from '../ui/notice';
import { usePageTitle } from '../ui/use-page-title';
import { ReferralActions } from './referral-actions';
import { ReferralConsent } from './referral-consent';
import { ReferralContent, ReferralHistory, ReferralPerson } from './referral-content';
import { REDIRECT_TARGET_LABELS, SITUATION_STATUS_LABELS } from './referral-labels';
import { resumePath } from './referral-paths';
import { ReferralFollowThroughQuery, ReferralQuery } from './referrals.operations';
import type { ReferralDetail, ReferralFollowThrough } from './referrals.operations';
import { StatusTag } from './status-tag';
import './referrals.css';

/** The api answers these alike for a referral that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * A referral of my organisation: where it stands, the cell's decision, what is asked of us, the
 * person's consent, and its content as far as my relation to it lets the server send it.
 */
export function ReferralPage({ referralId }: { referralId: string }) {
  const [result] = useQuery({ query: ReferralQuery, variables: { referralId } });
  const referral = result.data?.referral;
  usePageTitle(referral ? `Saisine ${referral.person.caseCode}` : 'Saisine');

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
  return <ReferralView referral={referral} />;
}

function ReferralView({ referral }: { referral: ReferralDetail }) {
  const [followThrough] = useQuery({
    query: ReferralFollowThroughQuery,
    variables: { territoryId: referral.territoryId, referralId: referral.id, personId: referral.person.id },
  });
  const data = followThrough.data;
  const mine = data?.myOrganisationReferrals.edges[0]?.node;
  return (
    <>
      <h1>Saisine {referral.person.caseCode}</h1>
      <p className="lead">
        {referral.person.pseudonym} · <StatusTag status={referral.status} label={referral.statusLabel} />
      </p>
      <p>
        <Link to="/saisines">Retour à Mes saisines</Link>
      </p>
      {followThrough.error ? <Notice tone="error">{readError(followThrough.error).message}</Notice> : null}

      <section aria-labelledby="ou-en-est">
        <h2 id="ou-en-est">Où en est la saisine</h2>
        <Outcome referral={referral} />
        <dl className="facts">
          <dt>Statut</dt>
          <dd>{referral.statusLabel}</dd>
          <dt>Transmise le</dt>
          <dd>{referral.submittedAt ? frenchDateTime(referral.submittedAt) : 'Pas encore transmise'}</dd>
          {referral.decidedAt ? (
            <>
              <dt>Décision de la cellule</dt>
              <dd>{frenchDate(referral.decidedAt)}</dd>
            </>
          ) : null}
          {mine?.situationStatus ? (
            <>
              <dt>Situation</dt>
              <dd>{SITUATION_STATUS_LABELS[mine.situationStatus]}</dd>
            </>
          ) : null}
          {referral.status === 'ACCEPTED' || mine?.nextMeetingAt ? (
            <>
              <dt>Prochaine séance</dt>
              <dd>
                {mine?.nextMeetingAt
                  ? frenchDateTime(mine.nextMeetingAt)
                  : data
                    ? 'Aucune séance prévue pour l’instant'
                    : 'Chargement…'}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <FollowThrough referral={referral} data={data} />
      <ReferralContent referral={referral} />
      <ReferralPerson referral={referral} />
      <ReferralHistory referral={referral} />
    </>
  );
}

function FollowThrough({ referral, data }: { referral: ReferralDetail; data?: ReferralFollowThrough }) {
  // The partners the consents name, asked by their ids: the consent waits for them rather than
  // flash « Un partenaire du territoire ».
  const names = useOrganisationNames(
    referral.territoryId,
    data?.consents.flatMap((consent) => consent.organisationIds) ?? [],
  );
  if (!data || names.loading) return null;
  const mine = data.myOrganisationReferrals.edges[0]?.node;
  const actions = mine?.actionsForMyOrganisation ?? [];
  return (
    <>
      {referral.status === 'ACCEPTED' || actions.length ? (
        <ReferralActions actions={actions} total={mine?.actionsForMyOrganisationCount ?? actions.length} />
      ) : null}
      {names.error ? <Notice tone="error">{readError(names.error).message}</Notice> : null}
      <ReferralConsent
        referral={referral}
        consents={data.consents}
        organisations={data.consents
          .flatMap((consent) => consent.organisationIds.map((id) => names.entryOf(id)))
          .filter((organisation) => organisation !== undefined)}
      />
    </>
  );
}

/** Why the cell asked for the consent, when the history (sent to the author) says it. */
function consentRequestReason(referral: ReferralDetail): string | undefined {
  const asked = referral.transitions?.filter((transition) => transition.toStatus === 'NEEDS_CONSENT').at(-1);
  return asked?.reason?.trim() || undefined;
}

/** The cell's decision, or where the referral waits, in a sentence and what to do about it. */
function Outcome({ referral }: { referral: ReferralDetail }) {
  const on = referral.decidedAt ? ` le ${frenchDate(referral.decidedAt)}` : '';
  switch (referral.status) {
    case 'ACCEPTED':
      return (
        <p>
          La cellule a accepté la saisine{on}. Elle suit désormais la situation ; ce qu’elle confie à votre
          organisation figure ci-dessous et dans <Link to="/actions">Mes actions</Link>.
        </p>
      );
    case 'REDIRECTED':
      return (
        <>
          <p>
            La cellule a réorienté la saisine{on} vers :{' '}
            <strong>
              {referral.redirectTarget
                ? REDIRECT_TARGET_LABELS[referral.redirectTarget]
                : 'une autre instance'}
            </strong>
            .
          </p>
          {referral.redirectMessage ? (
            <figure className="message">
              <figcaption>Message de la cellule</figcaption>
              <blockquote className="multiline">{referral.redirectMessage}</blockquote>
            </figure>
          ) : null}
        </>
      );
    case 'NEEDS_CONSENT':
      return (
        <Notice>
          <p>
            <strong>La cellule vous demande de recueillir l’accord de la personne</strong> avant d’examiner la
            saisine. Enregistrez sa réponse dans la saisine, puis transmettez-la à nouveau.
          </p>
          {consentRequestReason(referral) ? (
            <p className="multiline">Motif donné par la cellule : {consentRequestReason(referral)}</p>
          ) : null}
          <p>
            <Link to={resumePath(referral.id)}>Compléter la saisine</Link>
          </p>
        </Notice>
      );
    case 'DRAFT':
      return (
        <>
          <p>Ce brouillon n’a pas encore été transmis à la cellule.</p>
          <p>
            <Link to={resumePath(referral.id)}>Reprendre le brouillon</Link>
          </p>
        </>
      );
    case 'SUBMITTED':
      return <p>La saisine est transmise : la coordination de la cellule va en prendre connaissance.</p>;
    case 'PRE_REVIEW':
      return (
        <p>
          La cellule examine la saisine sans connaître l’identité de la personne (pré-examen anonyme), avant
          de décider.
        </p>
      );
    case 'WITHDRAWN':
      return <p>Votre organisation a retiré cette saisine : la cellule ne l’examinera pas.</p>;
  }
}

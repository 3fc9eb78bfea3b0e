import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { useOrganisationNames } from '../directory/use-directory-names';
import { ConsentFacts } from '../referrals/referral-consent';
import { PROTECTION_MEASURES } from '../referrals/new-referral/referral-labels';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { PersonRightsSection } from '../subject-rights/person-rights-section';
import { usePageTitle } from '../ui/use-page-title';
import { frenchCalendarDate, frenchDate } from '../ui/written-dates';
import { AccessBasisSection, AccessLogSection } from './situation-access';
import { CircleSection, FollowUpsSection, HandoffsSection, NamesError } from './situation-sections';
import { ActionsSection, TimelineSection } from './situation-history-sections';
import { useWorkingTerritories } from './situation-territory';
import { CLOSURE_REASON_LABELS, SITUATION_STATUS_TONES } from './situation-words';
import { PersonConsentsQuery, SituationQuery } from './situations.operations';
import type { SituationDetail, SituationHandoff } from './situations.operations';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './situations.css';

/** The api answers these alike for a situation that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/**
 * One situation as my relation to it lets the server send it: the person (identity only if sent),
 * where it stands, its circle, the person's consent, its history, actions, hand-offs and
 * follow-ups; why I see it, and who consulted the file.
 */
export function SituationPage({ situationId }: { situationId: string }) {
  const [result] = useQuery({ query: SituationQuery, variables: { situationId } });
  const situation = result.data?.situation;
  usePageTitle(situation ? `Situation ${situation.person.caseCode}` : 'Situation');

  if (!situation) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Situation</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement de la situation…</p>
        )}
      </>
    );
  }
  return <SituationView situation={situation} handoffs={result.data?.handoffs ?? []} />;
}

function SituationView({
  situation,
  handoffs,
}: {
  situation: SituationDetail;
  handoffs: readonly SituationHandoff[];
}) {
  const { territories } = useWorkingTerritories();
  const roles = territories.find((territory) => territory.id === situation.territoryId)?.roles ?? [];
  const coordinates = roles.includes('COORDINATOR');
  const territoryId = situation.territoryId;

  return (
    <>
      <h1>Situation {situation.person.caseCode}</h1>
      <p className="lead">
        {situation.person.pseudonym} ·{' '}
        <span className={`status-tag status-tag-${SITUATION_STATUS_TONES[situation.status]}`}>
          {situation.statusLabel}
        </span>
      </p>
      <p>
        <Link to="/situations">Retour aux situations</Link>
      </p>

      <section className="situation-section" aria-labelledby="ou-en-est">
        <h2 id="ou-en-est">Où en est la situation</h2>
        <dl className="facts">
          <dt>État</dt>
          <dd>{situation.statusLabel}</dd>
          <dt>Ouverte le</dt>
          <dd>{frenchDate(situation.openedAt)}</dd>
          <dt>Prochain réexamen</dt>
          <dd>{situation.nextReviewOn ? frenchCalendarDate(situation.nextReviewOn) : 'Aucune prévue'}</dd>
          {situation.closedAt ? (
            <>
              <dt>Close le</dt>
              <dd>
                {frenchDate(situation.closedAt)}
                {situation.closureReason ? ` : ${CLOSURE_REASON_LABELS[situation.closureReason]}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <PersonSection situation={situation} />
      <CircleSection territoryId={territoryId} circle={situation.circle} />
      <ConsentsSection
        territoryId={territoryId}
        personId={situation.person.id}
        // The api keeps consents to the coordination and the referring partners.
        mayRead={coordinates || roles.includes('REFERRER')}
      />
      <TimelineSection territoryId={territoryId} situationId={situation.id} />
      <ActionsSection territoryId={territoryId} situationId={situation.id} />
      <HandoffsSection territoryId={territoryId} handoffs={handoffs} />
      <FollowUpsSection territoryId={territoryId} situationId={situation.id} />
      {coordinates ? (
        <PersonRightsSection
          territoryId={territoryId}
          personId={situation.person.id}
          situationId={situation.id}
          caseCode={situation.person.caseCode}
        />
      ) : null}
      <AccessBasisSection situationId={situation.id} />
      <AccessLogSection personId={situation.person.id} territoryId={territoryId} coordinates={coordinates} />
    </>
  );
}

/** The person: the case code and pseudonym always; the identity only when the server sends it. */
function PersonSection({ situation }: { situation: SituationDetail }) {
  const identity = situation.identity;
  return (
    <section className="situation-section" aria-labelledby="personne">
      <h2 id="personne">La personne</h2>
      <dl className="facts">
        <dt>Code de la situation</dt>
        <dd className="case-code">{situation.person.caseCode}</dd>
        <dt>Présentation anonymisée</dt>
        <dd>{situation.person.pseudonym}</dd>
        <dt>Identité</dt>
        <dd>
          {identity ? (
            [identity.firstName, identity.lastName].filter(Boolean).join(' ') || 'Non renseignée'
          ) : (
            <>
              <strong>Masquée.</strong> Relais ne vous transmet pas l’identité de cette personne : elle n’est
              montrée qu’aux partenaires que son consentement nomme (ou sur dérogation validée). Voir «
              Pourquoi puis-je voir ceci ? » plus bas.
            </>
          )}
        </dd>
        {identity?.birthDate ? (
          <>
            <dt>Date de naissance</dt>
            <dd>{frenchCalendarDate(identity.birthDate, { weekday: false })}</dd>
          </>
        ) : null}
        {identity?.address ? (
          <>
            <dt>Adresse</dt>
            <dd>{identity.address}</dd>
          </>
        ) : null}
        {identity?.phone ? (
          <>
            <dt>Téléphone</dt>
            <dd>{identity.phone}</dd>
          </>
        ) : null}
        {identity?.protectionMeasure ? (
          <>
            <dt>Mesure de protection</dt>
            <dd>
              {PROTECTION_MEASURES[identity.protectionMeasure].label}
              {identity.representativeName ? ` — ${identity.representativeName}` : ''}
              {identity.representativeContact ? ` (${identity.representativeContact})` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {identity?.redactedFields.length ? (
        <p className="hint">
          Certaines informations d’identité ne vous sont pas transmises : elles ne sont pas montrées ici.
        </p>
      ) : null}
    </section>
  );
}

function ConsentsSection({
  territoryId,
  personId,
  mayRead,
}: {
  territoryId: string;
  personId: string;
  mayRead: boolean;
}) {
  const [result] = useQuery({ query: PersonConsentsQuery, variables: { personId }, pause: !mayRead });
  const names = useOrganisationNames(
    territoryId,
    result.data?.consents.flatMap((consent) => consent.organisationIds) ?? [],
  );
  // The consents wait for their partners' names rather than flash « Un partenaire du territoire ».
  const consents = names.loading ? undefined : result.data?.consents;
  const organisations = consents
    ?.flatMap((consent) => consent.organisationIds.map((id) => names.entryOf(id)))
    .filter((organisation) => organisation !== undefined);
  return (
    <section className="situation-section" aria-labelledby="consentements">
      <h2 id="consentements">Accord de la personne</h2>
      {!mayRead ? (
        <p>
          L’accord de la personne est suivi par la coordination et par le partenaire qui l’a recueilli :
          adressez-vous à eux pour savoir avec qui et pour quoi elle accepte le partage.
        </p>
      ) : result.error ? (
        <Notice tone="error">{readError(result.error).message}</Notice>
      ) : !consents ? (
        <p role="status">Chargement…</p>
      ) : consents.length ? (
        <ul className="situation-list">
          {consents.map((consent) => (
            <li key={consent.id}>
              <ConsentFacts consent={consent} organisations={organisations ?? []} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Aucun consentement de la personne ne vous est visible : seuls ceux que votre organisation a
          recueillis, ou que la coordination suit, sont montrés.
        </p>
      )}
      <NamesError error={names.error} />
    </section>
  );
}

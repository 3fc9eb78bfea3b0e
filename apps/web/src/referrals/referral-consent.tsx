import { Link } from '../routing/link';
import { frenchCalendarDate, frenchDate } from '../ui/written-dates';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  ORGANISATION_KINDS,
} from './new-referral/referral-labels';
import { CONSENT_STATUS_LABELS } from './referral-labels';
import { receiptPath } from './referral-paths';
import type { ConsentRecord, ReferralDetail } from './referrals.operations';

interface ReferralConsentProps {
  referral: ReferralDetail;
  /** The person's consents my organisation collected, newest first. */
  consents: readonly ConsentRecord[];
  organisations: readonly { id: string; name: string }[];
}

/** The person's answer for this referral: given or not, until when, for what and with whom. */
export function ReferralConsent({ referral, consents, organisations }: ReferralConsentProps) {
  const consent = consents.find((candidate) => candidate.referralId === referral.id);
  return (
    <section aria-labelledby="consentement">
      <h2 id="consentement">Accord de la personne</h2>
      {consent ? (
        <ConsentFacts consent={consent} organisations={organisations} />
      ) : referral.consentStatus === 'DEROGATION' ? (
        <p>
          Le partage repose sur une dérogation au consentement validée ; la personne doit en être informée.
        </p>
      ) : referral.consentStatus ? (
        <p>{CONSENT_STATUS_LABELS[referral.consentStatus]}.</p>
      ) : (
        <p>Aucune réponse de la personne n’est encore enregistrée pour cette saisine.</p>
      )}
      {consent ? (
        <p>
          <Link to={receiptPath(referral.id)}>Imprimer le récépissé à remettre à la personne</Link>
        </p>
      ) : null}
    </section>
  );
}

function Listed({ items }: { items: readonly string[] }) {
  return (
    <ul className="inline-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** The scope in the words the form used when the person was asked (a situation's page shows it too). */
export function ConsentFacts({
  consent,
  organisations,
}: {
  consent: ConsentRecord;
  organisations: readonly { id: string; name: string }[];
}) {
  const nameOf = (id: string) => organisations.find((organisation) => organisation.id === id)?.name;
  const recipients = [
    ...(consent.includesCell ? ['La cellule de situations complexes du CLSM'] : []),
    ...consent.organisationIds.map((id) => nameOf(id) ?? 'Un partenaire du territoire'),
    ...consent.organisationKinds.map((kind) => ORGANISATION_KINDS[kind].label),
  ];
  const method = CONSENT_METHODS[consent.method].label.toLowerCase();
  const given = consent.status === 'GIVEN';
  return (
    <>
      <p>
        <strong>{CONSENT_STATUS_LABELS[consent.status]}</strong>, recueilli {method} le{' '}
        {frenchCalendarDate(consent.collectedOn, { weekday: false })}.
        {consent.withdrawnAt ? ` Retiré le ${frenchDate(consent.withdrawnAt, { weekday: false })}.` : null}
      </p>
      {given ? (
        <>
          <p>
            {consent.inForce
              ? `En vigueur jusqu’au ${frenchCalendarDate(consent.expiresOn)} inclus.`
              : `N’est plus en vigueur (valable jusqu’au ${frenchCalendarDate(consent.expiresOn)}).`}
          </p>
          <dl className="facts">
            <dt>La personne accepte</dt>
            <dd>
              <Listed items={consent.purposes.map((purpose) => CONSENT_PURPOSES[purpose].label)} />
            </dd>
            <dt>Avec</dt>
            <dd>
              <Listed items={recipients} />
            </dd>
            <dt>Pour ces informations</dt>
            <dd>
              <Listed items={consent.dataCategories.map((category) => DATA_CATEGORIES[category].label)} />
            </dd>
            <dt>À l’examen de sa situation</dt>
            <dd>
              {consent.wishesToAttend
                ? 'Elle souhaite être présente.'
                : 'Elle ne souhaite pas être présente.'}
            </dd>
          </dl>
        </>
      ) : null}
    </>
  );
}

import { dayText, parseDayText } from '../../ui/form/day-text';
import { frenchCalendarDate } from '../../ui/written-dates';
import { addMonths } from './french-dates';
import type { Organisation, RecordedConsent } from './new-referral.operations';
import { CELL_RECIPIENT, emptyConsent } from './referral-form-values';
import type { NewReferralValues } from './referral-form-values';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  ORGANISATION_KIND_NAMES,
  ORGANISATION_KINDS,
} from './referral-labels';

type ConsentValues = NewReferralValues['consent'];

/** The consent step filled from the answer the api recorded (what it masked stays empty). */
export function consentValuesFrom(consent: RecordedConsent): ConsentValues {
  const status = consent.status === 'GIVEN' || consent.status === 'REFUSED' ? consent.status : '';
  return {
    ...emptyConsent(consent.collectedOn),
    status,
    method: consent.method,
    witnessOrRepresentative: consent.witnessOrRepresentative ?? '',
    expiresOn: dayText(consent.expiresOn),
    informationGiven: consent.informationGiven,
    wishesToAttend: status === 'GIVEN' ? (consent.wishesToAttend ? 'yes' : 'no') : '',
    purposes: consent.purposes,
    recipients: [...(consent.includesCell ? [CELL_RECIPIENT] : []), ...consent.organisationIds],
    organisationKinds: consent.organisationKinds,
    dataCategories: consent.dataCategories,
  };
}

/** The recorded answer of this referral among the person's consents (newest first). */
export function consentOfReferral(
  consents: readonly RecordedConsent[],
  referralId: string,
): RecordedConsent | undefined {
  return consents.find((consent) => consent.referralId === referralId);
}

export interface ConsentScopeSummary {
  answer: string;
  collected: string;
  purposes: string[];
  recipients: string[];
  categories: string[];
  until: string;
  attends: string;
}

/**
 * The scope in plain French, as one reads it back to the person before she agrees (and on the
 * summary before sending): for what, with whom, which information, until when.
 */
export function consentScopeSummary(
  consent: ConsentValues,
  organisations: readonly Organisation[],
  validityMonths: number,
): ConsentScopeSummary {
  const collectedOn = parseDayText(consent.collectedOn);
  const expiresOn = parseDayText(consent.expiresOn);
  const method = consent.method
    ? CONSENT_METHODS[consent.method].label.toLowerCase()
    : 'manière non précisée';
  const collected = collectedOn ? `${method}, le ${frenchCalendarDate(collectedOn)}` : method;
  const recipients = consent.recipients.map((recipient) => {
    if (recipient === CELL_RECIPIENT) return 'La cellule de situations complexes du CLSM';
    const organisation = organisations.find((candidate) => candidate.id === recipient);
    return organisation
      ? `${organisation.name} (${ORGANISATION_KIND_NAMES[organisation.kind]})`
      : 'Un partenaire';
  });
  const until = expiresOn
    ? frenchCalendarDate(expiresOn)
    : collectedOn
      ? `${frenchCalendarDate(addMonths(collectedOn, validityMonths))} (${validityMonths} mois, durée fixée par le CLSM)`
      : `${validityMonths} mois après le recueil`;
  return {
    answer:
      consent.status === 'GIVEN'
        ? 'La personne a donné son accord.'
        : consent.status === 'REFUSED'
          ? 'La personne a refusé que sa situation soit partagée.'
          : 'Pas encore de réponse.',
    collected,
    purposes: consent.purposes.map((purpose) => CONSENT_PURPOSES[purpose].label),
    recipients: [...recipients, ...consent.organisationKinds.map((kind) => ORGANISATION_KINDS[kind].label)],
    categories: consent.dataCategories.map((category) => DATA_CATEGORIES[category].label),
    until,
    attends:
      consent.wishesToAttend === 'yes'
        ? 'Elle souhaite être présente quand la cellule examinera sa situation.'
        : 'Elle ne souhaite pas être présente quand la cellule examinera sa situation.',
  };
}

import { DataCategory } from '@relais/access';
import { frenchDate } from '@relais/config';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  INFORMATION_ITEM_LABELS,
  InformationItem,
} from './consent.enums';

export interface ReceiptFacts {
  territoryName: string;
  caseCode: string;
  /** Printed only for a reader allowed to see the identity; otherwise the case code names the person. */
  personName: string | null;
  status: ConsentStatus;
  method: ConsentMethod;
  collectedOn: string;
  expiresOn: string;
  collectorOrganisationName: string;
  purposes: readonly ConsentPurpose[];
  recipientNames: readonly string[];
  recipientKindLabels: readonly string[];
  includesCell: boolean;
  dataCategories: readonly DataCategory[];
  informationGiven: readonly InformationItem[];
  wishesToAttend: boolean;
}

/** What each category means to the person who reads the receipt: their words, not the law's. */
export const RECEIPT_CATEGORY_WORDS: Record<DataCategory, string> = {
  [DataCategory.LOGISTIC]:
    'ce qu’il faut pour organiser le suivi (dates, rendez-vous, où en est la démarche)',
  [DataCategory.IDENTITY]:
    'votre identité et vos coordonnées (nom, prénom, date de naissance, adresse, téléphone)',
  [DataCategory.HOUSING]: 'votre situation de logement',
  [DataCategory.SOCIAL_CONFIDENTIAL]:
    'votre situation sociale et familiale (ressources, difficultés, démarches)',
  [DataCategory.HEALTH_SECRET]:
    'des informations sur votre santé, lues seulement par les professionnels de santé (secret médical)',
};

/**
 * The receipt the person keeps: in plain French, what they agreed to (or refused), with whom,
 * until when, and how to change their mind.
 */
export function consentReceipt(facts: ReceiptFacts): string {
  const who = facts.personName ?? `la personne suivie sous le code ${facts.caseCode}`;
  const lines = [
    `Récépissé de consentement — ${facts.territoryName}`,
    '',
    `Situation : ${facts.caseCode}`,
    `Personne : ${who}`,
    `Recueilli le ${frenchDate(facts.collectedOn)}, ${CONSENT_METHOD_LABELS[facts.method]}, par ${facts.collectorOrganisationName}.`,
    '',
  ];
  if (facts.status === ConsentStatus.REFUSED) {
    lines.push(
      'Vous avez refusé que votre situation soit partagée avec les partenaires de la cellule.',
      'Seuls la coordination du CLSM et le professionnel qui a recueilli votre réponse en gardent trace.',
      'Vous pouvez changer d’avis à tout moment.',
    );
    return lines.join('\n');
  }
  const recipients = [
    ...(facts.includesCell ? ['la cellule de situations complexes du CLSM'] : []),
    ...facts.recipientNames,
    ...facts.recipientKindLabels,
  ];
  lines.push(
    'Vous avez accepté que votre situation soit partagée :',
    ...facts.purposes.map((purpose) => `  • pour : ${CONSENT_PURPOSE_LABELS[purpose]}`),
    ...recipients.map((recipient) => `  • avec : ${recipient}`),
    ...facts.dataCategories.map((category) => `  • ce qui est partagé : ${RECEIPT_CATEGORY_WORDS[category]}`),
    `Cet accord vaut jusqu’au ${frenchDate(facts.expiresOn)}.`,
    facts.wishesToAttend
      ? 'Vous souhaitez être présent·e lorsque votre situation sera examinée.'
      : 'Vous ne souhaitez pas être présent·e lorsque votre situation sera examinée.',
    '',
    'Vous avez été informé·e :',
    ...facts.informationGiven.map((item) => `  • ${INFORMATION_ITEM_LABELS[item]}`),
    '',
    'Vous pouvez retirer votre accord à tout moment, auprès du professionnel qui l’a recueilli ou de la',
    'coordination du CLSM : le partage cesse aussitôt. Vous pouvez aussi demander à voir ce qui vous concerne.',
  );
  return lines.join('\n');
}

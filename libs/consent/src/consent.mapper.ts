import { ConsentStatus, DEROGATION_GROUND_LABELS } from './domain/consent.enums';
import { ConsentObject, DerogationObject } from './dto/consent.dto';
import { Consent, ConsentException } from './entities';

export function isInForce(consent: Consent, today: string): boolean {
  return consent.status === ConsentStatus.GIVEN && !consent.supersededAt && consent.expiresOn >= today;
}

export function toConsentObject(consent: Consent, today: string): ConsentObject {
  return {
    id: consent.id,
    personId: consent.personId,
    referralId: consent.referralId,
    status: consent.status,
    inForce: isInForce(consent, today),
    method: consent.method,
    witnessOrRepresentative: consent.witnessOrRepresentative,
    collectedByUserId: consent.collectedByUserId,
    collectedByOrganisationId: consent.collectedByOrganisationId,
    collectedOn: consent.collectedOn,
    expiresOn: consent.expiresOn,
    informationGiven: consent.informationGiven,
    wishesToAttend: consent.wishesToAttend,
    purposes: consent.purposes,
    organisationIds: consent.organisationIds,
    organisationKinds: consent.organisationKinds,
    includesCell: consent.includesCell,
    dataCategories: consent.dataCategories,
    withdrawnAt: consent.withdrawnAt,
  };
}

export function toDerogationObject(derogation: ConsentException): DerogationObject {
  return {
    id: derogation.id,
    personId: derogation.personId,
    referralId: derogation.referralId,
    ground: derogation.ground,
    groundLabel: DEROGATION_GROUND_LABELS[derogation.ground],
    justification: derogation.justification,
    organisationIds: derogation.organisationIds,
    dataCategories: derogation.dataCategories,
    status: derogation.status,
    requestedByUserId: derogation.requestedByUserId,
    requestedAt: derogation.requestedAt,
    decidedByUserId: derogation.decidedByUserId,
    decidedAt: derogation.decidedAt,
    informPersonBy: derogation.informPersonBy,
  };
}

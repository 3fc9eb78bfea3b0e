import { DataCategory, Gated, gateFields, Principal, RowAccess, rowView } from '@relais/access';
import { isConsentInForce, ParisDay } from './domain/consent-in-force';
import { DEROGATION_GROUND_LABELS } from './domain/consent.enums';
import { ConsentObject, DerogationObject } from './dto/consent.dto';
import { Consent, ConsentException } from './entities';

type Values<T> = Omit<T, 'redactedFields'>;

function consentValues(consent: Consent, on: ParisDay): Values<ConsentObject> {
  return {
    id: consent.id,
    personId: consent.personId,
    referralId: consent.referralId,
    status: consent.status,
    inForce: isConsentInForce(consent, on),
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

function derogationValues(derogation: ConsentException): Values<DerogationObject> {
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

const viewOf = (principal: Principal, territoryId: string, access: RowAccess) =>
  rowView(principal, territoryId, access);

/** The consent as this reader may see it, through the one gate; `shown` is what to audit. */
export function gateConsent(
  principal: Principal,
  consent: Consent,
  access: RowAccess,
  on: ParisDay,
): Gated<ConsentObject> {
  return gateFields(
    ConsentObject,
    consentValues(consent, on),
    viewOf(principal, consent.territoryId, access),
  );
}

/** The derogation as this reader may see it (the justification is confidential). */
export function gateDerogation(
  principal: Principal,
  derogation: ConsentException,
  access: RowAccess,
): Gated<DerogationObject> {
  return gateFields(
    DerogationObject,
    derogationValues(derogation),
    viewOf(principal, derogation.territoryId, access),
  );
}

/** What the audit records of a gated read about the person. */
export function auditedRead(
  type: 'Consent' | 'ConsentException',
  row: { id: string; territoryId: string; personId: string },
  shown: DataCategory[],
) {
  return {
    territoryId: row.territoryId,
    personId: row.personId,
    subject: { type, id: row.id },
    categories: shown,
  };
}

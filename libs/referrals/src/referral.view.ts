import { DataCategory, gateFields, Principal, Role, SharingCategory } from '@relais/access';
import { ConsentStatus } from '@relais/consent';
import { coordinatorCategories, PersonIdentityObject, PersonObject } from '@relais/situations';
import { FHIR_TASK_STATUS, REFERRAL_STATUS_LABELS, ReferralStatus } from './domain/referral-status';
import { ReferralObject, ReferralTransitionObject } from './dto/referral.objects';
import { Referral } from './entities';

/** How the reader relates to a referral, which decides the categories they read in it. */
export type ReferralReader = 'COORDINATOR' | 'AUTHOR' | 'CIRCLE' | 'CELL';

/** The scope of the person's consent in force, as far as the reader is concerned. */
export interface ConsentScope {
  dataCategories: readonly DataCategory[];
  organisationIds: readonly string[];
  organisationKinds: readonly string[];
}

export function readerOf(principal: Principal, referral: Referral, consent?: ConsentScope): ReferralReader {
  if (principal.clearedTerritoriesWith(Role.COORDINATOR).includes(referral.territoryId)) return 'COORDINATOR';
  if (referral.referrerOrganisationId === principal.organisationId) return 'AUTHOR';
  if (referral.status === ReferralStatus.ACCEPTED && consent && namesReader(principal, consent))
    return 'CIRCLE';
  return 'CELL';
}

function namesReader(principal: Principal, consent: ConsentScope): boolean {
  return (
    consent.organisationIds.includes(principal.organisationId) ||
    consent.organisationKinds.includes(principal.organisationKind)
  );
}

/**
 * Coordinator: all but health (unless a health professional). Author organisation: the form it
 * wrote, health only for its health professionals. Circle named by the consent: the consent's
 * categories within the sharing matrix. Cell in pre-review: the sharing matrix (and the rules'
 * field list).
 */
export function referralCategories(
  principal: Principal,
  reader: ReferralReader,
  referralTerritory: string,
  consent?: ConsentScope,
): Set<DataCategory> {
  switch (reader) {
    case 'COORDINATOR':
      return new Set(coordinatorCategories(principal.sharingCategory));
    case 'AUTHOR':
      return new Set(
        Object.values(DataCategory).filter(
          (category) =>
            category !== DataCategory.HEALTH_SECRET || principal.sharingCategory === SharingCategory.HEALTH,
        ),
      );
    case 'CIRCLE':
      return new Set(
        [...principal.readableIn(referralTerritory)].filter((category) =>
          consent?.dataCategories.includes(category),
        ),
      );
    case 'CELL':
      return new Set(principal.readableIn(referralTerritory));
  }
}

export interface ReferralViewParts {
  referral: Referral;
  person: PersonObject;
  reader: ReferralReader;
  categories: ReadonlySet<DataCategory>;
  /** Fields the CASL rules keep from this reader (the pre-review's field list). */
  ruleRedacted: readonly string[];
  identity: PersonIdentityObject | null;
  consentStatus: ConsentStatus | null;
  possibleDuplicate: PersonObject | null;
  transitions: ReferralTransitionObject[] | null;
}

const VIEW_ONLY_FIELDS = ['identity', 'possibleDuplicate', 'transitions'];

export function toReferralView(parts: ReferralViewParts): ReferralObject {
  const { referral } = parts;
  const full: ReferralObject = {
    id: referral.id,
    territoryId: referral.territoryId,
    person: parts.person,
    identity: parts.identity,
    status: referral.status,
    statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    fhirTaskStatus: FHIR_TASK_STATUS[referral.status],
    referrerUserId: referral.referrerUserId,
    referrerOrganisationId: referral.referrerOrganisationId,
    urgency: referral.urgency,
    requests: referral.requests,
    difficultyAreas: referral.difficultyAreas,
    servicesInvolved: referral.servicesInvolved,
    actionsTried: referral.actionsTried,
    blockages: referral.blockages,
    questionToCell: referral.questionToCell,
    description: referral.description,
    housingContext: referral.housingContext,
    healthInformation: referral.healthInformation,
    submittedAt: referral.submittedAt,
    decidedAt: referral.decidedAt,
    redirectTarget: referral.redirectTarget,
    redirectMessage: referral.redirectMessage,
    situationId: referral.situationId,
    consentStatus: parts.consentStatus,
    possibleDuplicate: parts.reader === 'COORDINATOR' ? parts.possibleDuplicate : null,
    transitions: parts.reader === 'COORDINATOR' || parts.reader === 'AUTHOR' ? parts.transitions : null,
    redactedFields: [],
  };
  const masked = gateFields(ReferralObject, full, { categories: parts.categories });
  const value = masked.value as unknown as Record<string, unknown>;
  const redacted = new Set(masked.value.redactedFields);
  for (const field of parts.ruleRedacted) {
    if (field in value && !['id', 'territoryId', 'person', 'status', 'redactedFields'].includes(field)) {
      value[field] = null;
      redacted.add(field);
    }
  }
  // Listed for every reader who cannot have them, set or not, so the list never tells.
  if (!parts.identity) redacted.add('identity');
  if (parts.reader !== 'COORDINATOR') redacted.add('possibleDuplicate');
  if (parts.reader !== 'COORDINATOR' && parts.reader !== 'AUTHOR') redacted.add('transitions');
  for (const field of VIEW_ONLY_FIELDS) if (redacted.has(field)) value[field] = null;
  return { ...(value as unknown as ReferralObject), redactedFields: [...redacted].sort() };
}

/** The categories actually shown about the person, for the audit of reads. */
export function shownCategories(view: ReferralObject): DataCategory[] {
  const shown = new Set<DataCategory>();
  if (view.identity) shown.add(DataCategory.IDENTITY);
  const filled = (value: unknown) =>
    value !== null && value !== undefined && !(Array.isArray(value) && !value.length);
  if (
    [
      view.difficultyAreas,
      view.servicesInvolved,
      view.actionsTried,
      view.blockages,
      view.questionToCell,
      view.description,
    ].some(filled)
  ) {
    shown.add(DataCategory.SOCIAL_CONFIDENTIAL);
  }
  if (filled(view.healthInformation)) shown.add(DataCategory.HEALTH_SECRET);
  return [...shown];
}

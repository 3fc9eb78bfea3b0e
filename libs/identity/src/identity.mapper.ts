import { gateFields, LOGISTIC_VIEW, SharingCategory } from '@relais/access';
import { withDefaultSettings } from './domain/territory-settings';
import {
  CellObject,
  MembershipObject,
  OrganisationObject,
  SetPasswordLinkObject,
  TerritoryObject,
  UserObject,
} from './dto/identity.objects';
import { IssuedLink } from './auth/set-password-links';
import { Cell, Membership, Organisation, Territory, User } from './entities';

export function toTerritoryObject(territory: Territory): TerritoryObject {
  const settings = withDefaultSettings(territory.settings);
  return {
    id: territory.id,
    name: territory.name,
    settings: {
      consentValidityMonths: settings.consentValidityMonths,
      followUpLengthMonths: settings.followUpLengthMonths,
      followUpRenewals: settings.followUpRenewals,
      smallCountThreshold: settings.smallCountThreshold,
    },
  };
}

export function toCellObject(cell: Cell): CellObject {
  return { id: cell.id, territoryId: cell.territoryId, name: cell.name };
}

export function toOrganisationObject(organisation: Organisation): OrganisationObject {
  const { id, territoryId, name, kind, finess, siret } = organisation;
  return { id, territoryId, name, kind, finess, siret };
}

export function toUserObject(user: User): UserObject {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    profession: user.profession,
    sharingCategory: user.sharingCategory,
    isHealthProfessional: user.sharingCategory === SharingCategory.HEALTH,
    organisationId: user.organisationId,
  };
}

/**
 * Through the field gate. Every field of a membership is logistic; the ones the rules keep from
 * this reader (the status, the administrator's) come in `redactedFields` and read as null.
 */
export function toMembershipObject(membership: Membership, redactedFields: string[] = []): MembershipObject {
  const { id, territoryId, userId, roles, cellId, substituteOfId, status } = membership;
  return gateFields(
    MembershipObject,
    { id, territoryId, userId, roles, cellId, substituteOfId, status, redactedFields },
    LOGISTIC_VIEW,
  ).value;
}

/** Null: the link went by e-mail and is shown to no one. */
export function toSetPasswordLinkObject(link: IssuedLink | null): SetPasswordLinkObject {
  return link
    ? { sentByEmail: false, link: link.link, expiresAt: link.expiresAt }
    : { sentByEmail: true, link: null, expiresAt: null };
}

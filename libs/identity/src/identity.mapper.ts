import { SharingCategory } from '@relais/access';
import { withDefaultSettings } from './domain/territory-settings';
import {
  CellObject,
  MembershipObject,
  OrganisationObject,
  TerritoryObject,
  UserObject,
} from './dto/identity.objects';
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

/** Fields named in `redactedFields` read as null. */
export function toMembershipObject(membership: Membership, redactedFields: string[] = []): MembershipObject {
  const { id, territoryId, userId, roles, cellId, substituteOfId, status } = membership;
  const visible = (field: string) => !redactedFields.includes(field);
  return {
    id,
    territoryId,
    userId,
    roles,
    cellId,
    substituteOfId,
    status: visible('status') ? status : null,
    redactedFields,
  };
}

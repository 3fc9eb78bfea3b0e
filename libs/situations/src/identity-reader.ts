import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, gateFields, Principal, rowView } from '@relais/access';
import { AuditService } from '@relais/audit';
import { EntityManager } from 'typeorm';
import { PersonIdentityObject } from './dto/situation.objects';
import { PersonIdentity } from './entities';

/**
 * Identity is authorized apart from everything else: one query for any number of people, the
 * rules compiled into it with the relations each row is read through, each identity passed
 * through the field gate, and each person whose identity is shown audited once per request.
 */
@Injectable()
export class IdentityReader {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The identities the principal is shown, by person id. A person is absent when no rule lets
   * the principal read her identity, or when the relations held open no IDENTITY to this reader
   * (a bailleur named by the consent stays outside the secret partagé).
   */
  async readableIdentities(
    manager: EntityManager,
    principal: Principal,
    personIds: readonly string[],
    /** False when the caller audits the read itself, with the other categories it shows. */
    audited = true,
  ): Promise<Map<string, PersonIdentityObject>> {
    if (!personIds.length) return new Map();
    const query = manager
      .getRepository(PersonIdentity)
      .createQueryBuilder('identity')
      .where('identity.personId = ANY(:personIds)', { personIds: [...new Set(personIds)] });
    const readAccess = this.access.selectRowAccess(query, principal, 'read', 'PersonIdentity');
    const { entities, raw } = await query.getRawAndEntities();
    const accesses = readAccess(raw);
    const shown = entities.flatMap((identity) => {
      const gated = gateFields(
        PersonIdentityObject,
        toIdentityFields(identity),
        rowView(principal, identity.territoryId, accesses.get(identity.id)!),
      );
      return gated.shown.includes(DataCategory.IDENTITY) ? [{ identity, gated }] : [];
    });
    if (audited) {
      await this.audit.recordReads(
        manager,
        principal,
        shown.map(({ identity, gated }) => ({
          territoryId: identity.territoryId,
          personId: identity.personId,
          subject: { type: 'PersonIdentity', id: identity.id },
          categories: gated.shown,
        })),
      );
    }
    return new Map(shown.map(({ identity, gated }) => [identity.personId, gated.value]));
  }
}

function toIdentityFields(identity: PersonIdentity): Omit<PersonIdentityObject, 'redactedFields'> {
  return {
    personId: identity.personId,
    lastName: identity.lastName,
    firstName: identity.firstName,
    birthDate: identity.birthDate,
    address: identity.address,
    phone: identity.phone,
    protectionMeasure: identity.protectionMeasure,
    representativeName: identity.representativeName,
    representativeContact: identity.representativeContact,
  };
}

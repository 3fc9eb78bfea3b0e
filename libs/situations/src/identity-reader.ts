import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { EntityManager } from 'typeorm';
import { PersonIdentityObject } from './dto/situation.objects';
import { PersonIdentity } from './entities';

/**
 * Identity is authorized apart from everything else: one query for any number of people, the
 * rules compiled into it, and each person whose identity is returned audited once per request.
 */
@Injectable()
export class IdentityReader {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

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
    this.access.accessibleBy(query, principal, 'read', 'PersonIdentity');
    const identities = await query.getMany();
    if (audited) {
      await this.audit.recordReads(
        manager,
        principal,
        identities.map((identity) => ({
          territoryId: identity.territoryId,
          personId: identity.personId,
          subject: { type: 'PersonIdentity', id: identity.id },
          categories: [DataCategory.IDENTITY],
        })),
      );
    }
    return new Map(identities.map((identity) => [identity.personId, toIdentityObject(identity)]));
  }
}

export function toIdentityObject(identity: PersonIdentity): PersonIdentityObject {
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

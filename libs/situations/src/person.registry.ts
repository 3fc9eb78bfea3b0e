import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AgeBand, ageBandOf } from './domain/age-band';
import { newCaseCode } from './domain/case-code';
import { duplicateKeyOf, initialsOf } from './domain/person-name';
import { ProtectionMeasure } from './domain/protection-measure';
import { Person, PersonIdentity, SituationAction } from './entities';

export interface NewPerson {
  territoryId: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** Used when the birth date is unknown. */
  ageBand: AgeBand | null;
  district: string | null;
  address: string | null;
  phone: string | null;
  protectionMeasure: ProtectionMeasure;
  representativeName: string | null;
  representativeContact: string | null;
}

export interface RegisteredPerson {
  person: Person;
  identity: PersonIdentity;
  /** Another person of the territory with the same normalized names and birth date. */
  possibleDuplicateOfPersonId: string | null;
}

const CASE_CODE_ATTEMPTS = 5;

/** Creates people: the pseudonym the cell uses, and the identity kept apart. */
@Injectable()
export class PersonRegistry {
  async registerPerson(manager: EntityManager, input: NewPerson, today: string): Promise<RegisteredPerson> {
    const duplicateKey = duplicateKeyOf(input.territoryId, input.firstName, input.lastName, input.birthDate);
    const person = await this.insertWithFreshCaseCode(manager, {
      territoryId: input.territoryId,
      initials: initialsOf(input.firstName, input.lastName),
      ageBand: input.birthDate ? ageBandOf(input.birthDate, today) : (input.ageBand ?? AgeBand.UNKNOWN),
      district: input.district,
    });
    const duplicate = duplicateKey
      ? await manager
          .getRepository(PersonIdentity)
          .createQueryBuilder('identity')
          .select('identity.personId', 'personId')
          .where('identity.territoryId = :territoryId AND identity.duplicateKey = :duplicateKey', {
            territoryId: input.territoryId,
            duplicateKey,
          })
          .orderBy('identity.updatedAt', 'ASC')
          .limit(1)
          .getRawOne<{ personId: string }>()
      : undefined;
    const identity = await manager.save(
      manager.create(PersonIdentity, {
        territoryId: input.territoryId,
        personId: person.id,
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate,
        address: input.address,
        phone: input.phone,
        protectionMeasure: input.protectionMeasure,
        representativeName: input.representativeName,
        representativeContact: input.representativeContact,
        duplicateKey,
      }),
    );
    return { person, identity, possibleDuplicateOfPersonId: duplicate?.personId ?? null };
  }

  /** Rewrites a person's identity while the referral that brought it is still a draft. */
  async updateIdentity(
    manager: EntityManager,
    personId: string,
    input: Omit<NewPerson, 'territoryId'>,
    today: string,
  ): Promise<void> {
    const identity = await manager.findOneByOrFail(PersonIdentity, { personId });
    await manager.update(
      PersonIdentity,
      { id: identity.id },
      {
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate,
        address: input.address,
        phone: input.phone,
        protectionMeasure: input.protectionMeasure,
        representativeName: input.representativeName,
        representativeContact: input.representativeContact,
        duplicateKey: duplicateKeyOf(identity.territoryId, input.firstName, input.lastName, input.birthDate),
      },
    );
    await manager.update(
      Person,
      { id: personId },
      {
        initials: initialsOf(input.firstName, input.lastName),
        ageBand: input.birthDate ? ageBandOf(input.birthDate, today) : (input.ageBand ?? AgeBand.UNKNOWN),
        district: input.district,
      },
    );
  }

  /**
   * The coordinator confirmed that `duplicateId` is `personId` written anew: the newer contact
   * details complete the known identity, the person's actions follow, and the duplicate record
   * goes. Callers move their own rows (referrals, consents) first.
   */
  async mergeDuplicate(manager: EntityManager, duplicateId: string, personId: string): Promise<void> {
    // One after the other: both read through the transaction's single connection.
    const duplicate = await manager.findOneByOrFail(PersonIdentity, { personId: duplicateId });
    const known = await manager.findOneByOrFail(PersonIdentity, { personId });
    await manager.update(
      PersonIdentity,
      { id: known.id },
      {
        address: duplicate.address ?? known.address,
        phone: duplicate.phone ?? known.phone,
        representativeName: duplicate.representativeName ?? known.representativeName,
        representativeContact: duplicate.representativeContact ?? known.representativeContact,
      },
    );
    await manager.update(SituationAction, { personId: duplicateId }, { personId });
    await manager.delete(Person, { id: duplicateId });
  }

  /** The case code is random: on the rare clash with an existing one, draw again. */
  private async insertWithFreshCaseCode(
    manager: EntityManager,
    values: Pick<Person, 'territoryId' | 'initials' | 'ageBand' | 'district'>,
  ): Promise<Person> {
    for (let attempt = 1; ; attempt += 1) {
      const caseCode = newCaseCode();
      const clash = await manager.existsBy(Person, { territoryId: values.territoryId, caseCode });
      if (!clash) return manager.save(manager.create(Person, { ...values, caseCode }));
      if (attempt >= CASE_CODE_ATTEMPTS) {
        throw new QueryFailedError('INSERT persons', [], new Error('Aucun code de situation libre'));
      }
    }
  }
}

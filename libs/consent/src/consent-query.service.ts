import { Injectable } from '@nestjs/common';
import { AccessService, NO_ACCESS, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { Organisation, Territory } from '@relais/identity';
import { IdentityReader, Person } from '@relais/situations';
import { In } from 'typeorm';
import { auditedRead, gateConsent } from './consent.mapper';
import { consentReceipt } from './domain/consent-receipt';
import { ConsentObject } from './dto/consent.dto';
import { Consent } from './entities';
import { prepared } from './prepared-statement';

const ORGANISATION_KIND_LABELS: Record<string, string> = {
  SOCIAL: 'tout service social partenaire',
  HOUSING: 'tout bailleur partenaire',
  PSYCHIATRY: 'tout service de psychiatrie partenaire (CMP)',
  MEDICO_SOCIAL: 'tout service médico-social partenaire',
  MUNICIPAL: 'la mairie',
  ASSOCIATION: 'toute association partenaire',
  PEER_SUPPORT: "tout groupe d'entraide mutuelle partenaire",
  JUSTICE_POLICE: 'la police ou la justice',
  OTHER: 'tout autre partenaire',
};

/**
 * Consents shown for a person: renewals add one a year or so, and the one in force is among the
 * most recent; an older history stays in the register and the person's access export.
 */
export const CONSENTS_SHOWN = 50;

/** The read side of consents: the register and the receipt, filtered and masked by the rules. */
@Injectable()
export class ConsentQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly identities: IdentityReader,
    private readonly clock: Clock,
  ) {}

  /** The person's latest consents the reader may see, newest first, each through the one gate. */
  consentsOf(actor: Principal, personId: string): Promise<ConsentObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Consent)
        .createQueryBuilder('consent')
        .where('consent.personId = :personId', { personId })
        .orderBy('consent.recordedAt', 'DESC')
        .addOrderBy('consent.id', 'DESC')
        .limit(CONSENTS_SHOWN);
      const accessOf = this.access.selectRowAccess(query, actor, 'read', 'Consent');
      const { entities, raw } = await prepared(query, 'consents-of-person').getRawAndEntities();
      const accesses = accessOf(raw);
      const now = this.clock.now();
      const gated = entities.map((consent) => ({
        consent,
        ...gateConsent(actor, consent, accesses.get(consent.id) ?? NO_ACCESS, now),
      }));
      await this.audit.recordReads(
        manager,
        actor,
        gated.map(({ consent, shown }) => auditedRead('Consent', consent, shown)),
      );
      return gated.map(({ value }) => value);
    });
  }

  /** The French receipt the person can be given. */
  consentReceipt(actor: Principal, consentId: string): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: consent } = await this.access.loadAccessible(manager, actor, 'read', Consent, consentId);
      // One after the other: they share the transaction's connection, which runs one query at a time.
      const territory = await manager.findOneByOrFail(Territory, { id: consent.territoryId });
      const person = await manager.findOneByOrFail(Person, { id: consent.personId });
      const organisations = await manager.findBy(Organisation, {
        territoryId: consent.territoryId,
        id: In([consent.collectedByOrganisationId, ...consent.organisationIds]),
      });
      const identities = await this.identities.readableIdentities(manager, actor, [consent.personId]);
      const nameOf = (id: string) =>
        organisations.find((organisation) => organisation.id === id)?.name ?? '—';
      const identity = identities.get(consent.personId);
      return consentReceipt({
        territoryName: territory.name,
        caseCode: person.caseCode,
        personName: identity ? `${identity.firstName} ${identity.lastName}` : null,
        status: consent.status,
        method: consent.method,
        collectedOn: consent.collectedOn,
        expiresOn: consent.expiresOn,
        collectorOrganisationName: nameOf(consent.collectedByOrganisationId),
        purposes: consent.purposes,
        recipientNames: consent.organisationIds.map(nameOf),
        recipientKindLabels: consent.organisationKinds.map((kind) => ORGANISATION_KIND_LABELS[kind] ?? kind),
        includesCell: consent.includesCell,
        dataCategories: consent.dataCategories,
        informationGiven: consent.informationGiven,
        wishesToAttend: consent.wishesToAttend,
      });
    });
  }
}

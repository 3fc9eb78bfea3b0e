import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditQueryService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ConsentQueryService, DerogationService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import {
  FollowUpActsQueryService,
  FollowUpListQueryService,
  FollowUpObject,
  FollowUpRecord,
  HandoffObject,
  HandoffQueryService,
} from '@relais/followups';
import { Organisation } from '@relais/identity';
import { MinutesQueryService } from '@relais/meetings';
import { ReferralQueryService } from '@relais/referrals';
import { IdentityReader, SituationQueryService } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { ArchivedSituationObject } from '../../retention';
import { RetentionQueryService } from '../../retention/retention-query.service';
import { DataSubjectRequestReader } from '../data-subject-request.reader';
import { ExaminationRecord, SUBJECT_ACCESS_FORMAT, SubjectAccessExport } from './subject-access.model';

/** Follow-ups read a page at a time, as their list gives them. */
const FOLLOW_UP_PAGE = 100;

/**
 * Gathers what Relais holds about a person through each context's own reads — the same rules,
 * field gate and read audit as every other screen and document — as the given reader (the
 * coordination) sees it. Nothing is read from another context's tables here.
 */
@Injectable()
export class PersonFileService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly situations: SituationQueryService,
    private readonly identities: IdentityReader,
    private readonly referrals: ReferralQueryService,
    private readonly consents: ConsentQueryService,
    private readonly derogations: DerogationService,
    private readonly minutes: MinutesQueryService,
    private readonly followUps: FollowUpListQueryService,
    private readonly followUpActs: FollowUpActsQueryService,
    private readonly handoffs: HandoffQueryService,
    private readonly auditLog: AuditQueryService,
    private readonly requests: DataSubjectRequestReader,
    private readonly archive: RetentionQueryService,
    private readonly clock: Clock,
  ) {}

  /**
   * The person's file. The access log is read last, so it holds the reads this gathering has just
   * made: the export says that the coordination read the file to answer her.
   */
  async gather(actor: Principal, territoryId: string, personId: string): Promise<SubjectAccessExport> {
    // Read within her territory only, whatever else the reader coordinates.
    const person = await this.database.run({ territoryIds: [territoryId] }, (manager) =>
      this.requests.assertPersonOf(manager, actor, territoryId, personId),
    );
    const situations = await this.situations.situationsOf(actor, personId);
    const archivedSituations = await this.archivedOf(actor, territoryId, personId);
    const referrals = await this.referrals.referralsOf(actor, personId);
    const consents = await this.consents.consentsOf(actor, personId);
    const derogations = await this.derogations.derogations(actor, territoryId, undefined, personId);
    const examinations: ExaminationRecord[] = [];
    const followUps: FollowUpRecord[] = [];
    const handoffs: HandoffObject[] = [];
    for (const situation of situations) {
      for (const meeting of await this.minutes.situationMinutes(actor, situation.id))
        examinations.push({ situationId: situation.id, ...meeting });
      followUps.push(...(await this.followUpsOf(actor, situation.id)));
      handoffs.push(...(await this.handoffs.handoffs(actor, situation.id)));
    }
    const { identity, organisations, requests } = await this.database.run(
      { territoryIds: [territoryId] },
      async (manager) => {
        const shownIdentity =
          situations.find((situation) => situation.identity)?.identity ??
          referrals.find((referral) => referral.identity)?.identity ??
          (await this.identities.readableIdentities(manager, actor, [personId])).get(personId) ??
          null;
        return {
          identity: shownIdentity,
          organisations: await this.organisationNames(manager, actor, territoryId),
          requests: await this.requests.requestsOf(manager, actor, territoryId, personId),
        };
      },
    );
    const reads = await this.auditLog.personReads(actor, territoryId, personId);
    return {
      format: SUBJECT_ACCESS_FORMAT,
      generatedAt: this.clock.now(),
      territoryId,
      personId,
      person,
      identity,
      organisations,
      situations,
      archivedSituations,
      referrals,
      consents,
      derogations,
      examinations,
      followUps,
      handoffs,
      requests,
      accessLog: reads.map((read) => ({
        occurredAt: read.occurredAt,
        userId: read.actorUserId,
        userName: read.actorName,
        organisationId: read.actorOrganisationId,
        organisationName: read.actorOrganisationName,
        action: read.action,
        subjectType: read.subjectType,
        categories: read.dataCategories,
      })),
    };
  }

  /** A situation's follow-ups, each with every act the reader may see (the api pages them). */
  private async followUpsOf(actor: Principal, situationId: string): Promise<FollowUpRecord[]> {
    const read: FollowUpObject[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.followUps.situationFollowUps(actor, {
        situationId,
        first: FOLLOW_UP_PAGE,
        after,
      });
      read.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    if (!read.length) return [];
    const acts = await this.followUpActs.everyAct(
      actor,
      read.map((followUp) => followUp.id),
    );
    return read.map((followUp) => Object.assign(followUp, { acts: acts.get(followUp.id) ?? [] }));
  }

  /** Her situations in the archive, out of every reader's rules but the coordination's archive read. */
  private async archivedOf(
    actor: Principal,
    territoryId: string,
    personId: string,
  ): Promise<ArchivedSituationObject[]> {
    const read: ArchivedSituationObject[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.archive.archivedSituations(actor, { territoryId, personId, first: 100, after });
      read.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return read;
      after = page.pageInfo.endCursor;
    }
  }

  /** The territory's partners, named as the directory every member reads names them. */
  private async organisationNames(
    manager: EntityManager,
    actor: Principal,
    territoryId: string,
  ): Promise<Record<string, string>> {
    const query = manager
      .getRepository(Organisation)
      .createQueryBuilder('organisation')
      .select(['organisation.id', 'organisation.name'])
      .where('organisation.territoryId = :territoryId', { territoryId });
    this.access.accessibleBy(query, actor, 'read', 'Organisation');
    return Object.fromEntries((await query.getMany()).map(({ id, name }) => [id, name]));
  }
}

import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ConsentQueryService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { FollowUpListQueryService, FollowUpObject, HandoffQueryService } from '@relais/followups';
import { Organisation } from '@relais/identity';
import { MinutesQueryService } from '@relais/meetings';
import { ReferralQueryService } from '@relais/referrals';
import { SituationQueryService } from '@relais/situations';
import { buildPpcs } from './ppcs.builder';
import { ppcsProblems } from './ppcs.validator';

/**
 * A situation's action plan for a regional e-parcours tool (PPCS after the HAS), read as the
 * coordination reads the situation — through each context's own reads and the field gate — and
 * checked against the schema shipped with Relais before it leaves. The export is audited.
 */
@Injectable()
export class PpcsExportService {
  constructor(
    private readonly access: AccessService,
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly situations: SituationQueryService,
    private readonly referrals: ReferralQueryService,
    private readonly consents: ConsentQueryService,
    private readonly minutes: MinutesQueryService,
    private readonly followUps: FollowUpListQueryService,
    private readonly handoffs: HandoffQueryService,
    private readonly clock: Clock,
  ) {}

  async exportPlan(
    actor: Principal,
    territoryId: string,
    situationId: string,
  ): Promise<{ content: Buffer; filename: string }> {
    this.access.assertCan(actor, 'exportPlan', asSubject('DataSubjectRequest', { territoryId }));
    const situation = await this.situations.situationRecord(actor, situationId);
    // Another territory's situation, even one the reader coordinates, is not this address's.
    if (situation.territoryId !== territoryId) throw new AccessException('NOT_FOUND');
    const personId = situation.person.id;
    const referrals = (await this.referrals.referralsOf(actor, personId)).filter(
      (referral) => referral.situationId === situationId,
    );
    const consents = await this.consents.consentsOf(actor, personId);
    const minutesItems = (await this.minutes.situationMinutes(actor, situationId)).flatMap(
      (meeting) => meeting.items,
    );
    const followUps: FollowUpObject[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.followUps.situationFollowUps(actor, { situationId, first: 100, after });
      followUps.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const handoffs = await this.handoffs.handoffs(actor, situationId);
    const organisations = await this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const query = manager
        .getRepository(Organisation)
        .createQueryBuilder('organisation')
        .where('organisation.territoryId = :territoryId', { territoryId });
      this.access.accessibleBy(query, actor, 'read', 'Organisation');
      const rows = await query.getMany();
      await this.audit.record(manager, {
        territoryId,
        actor,
        action: 'DOCUMENT_DOWNLOADED',
        subject: { type: 'Situation', id: situationId },
        personId,
        details: { document: 'PPCS' },
      });
      return new Map(rows.map((row) => [row.id, { name: row.name, kind: row.kind as string }]));
    });
    const plan = buildPpcs({
      generatedAt: this.clock.now(),
      situation,
      referrals,
      consents,
      minutesItems,
      followUps,
      handoffs,
      organisations,
      coordinationOrganisationId: actor.organisationId,
    });
    const problems = ppcsProblems(plan);
    // A plan the schema refuses is our bug, never the reader's: it must not leave half-right.
    if (problems.length) throw new Error(`Plan PPCS non conforme au schéma : ${problems.join(' ; ')}`);
    return {
      content: Buffer.from(JSON.stringify(plan, null, 2), 'utf8'),
      filename: `ppcs-${situation.person.caseCode}.json`,
    };
  }
}

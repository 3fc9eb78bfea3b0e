import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, gateFields, LOGISTIC_VIEW, Principal, rowView } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase, slot, slotsFor, StatementTemplate } from '@relais/database';
import { Connection, Edge, pageOf } from '@relais/graphql';
import { EntityManager } from 'typeorm';
import { situationNextStep } from './domain/situation-next-step';
import { SITUATION_STATUS_LABELS } from './domain/situation-status';
import { SituationSummaryObject } from './dto/situation-summary.object';
import { SituationCircleMemberObject, SituationObject, SituationRecord } from './dto/situation.objects';
import { Person, Situation, SituationCircleMember } from './entities';
import { IdentityReader } from './identity-reader';
import { toPersonObject } from './person.mapper';
import {
  listedSituations,
  openActionsQuery,
  SituationPageRequest,
  situationPageQuery,
  situationPageShape,
  situationPageValues,
} from './situation-list.query';
import { SituationHistoryQueryService } from './situation-history.query';

/**
 * The read side of situations. Every row comes with the relations the reader holds on it, read
 * in the same statement; the field gate turns them into what is shown, and what is shown into
 * the audit.
 */
@Injectable()
export class SituationQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly identities: IdentityReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly history: SituationHistoryQueryService,
  ) {}

  /**
   * The situations of a territory the reader may read, one page at a time: next review soonest,
   * then the oldest opened. Two statements whatever the page size: the page (access rules, filter
   * and who referred in one), then its open actions the reader may see. Logistics only.
   */
  situations(
    principal: Principal,
    request: SituationPageRequest,
  ): Promise<Connection<SituationSummaryObject>> {
    // A list: on the standby once it has replayed the reader's writes and its territories'.
    // Its two statements read through the ordered index and the page's ids (see `indexReads`).
    return this.database.read(
      { territoryIds: principal.territoryIds, indexReads: true },
      principal.standbyReads,
      async (manager) => {
        const values = situationPageValues(request);
        // Built once per set of rules and shape of the page: its text varies with nothing else.
        const page = this.access.rowAccessStatement(
          principal,
          situationPageShape(request.first, values),
          () => situationPageQuery(manager, request.first, slotsFor(values)),
          'read',
          'Situation',
          SituationSummaryObject,
        );
        const raw = (await manager.query(page.statement.sql, page.statement.values(values))) as Record<
          string,
          unknown
        >[];
        const accesses = page.readAccess(raw);
        const listed = listedSituations(raw);
        // A situation whose person row-level security hides is not shown (they share a territory);
        // the page still ends where the statement's did, so the next one neither skips nor repeats.
        const shown = listed.slice(0, request.first).filter((situation) => situation.person);
        const open = new Map<string, { count: number; nextDueOn: string | null }>();
        if (shown.length) {
          const actions = this.access.derivedFromRules(principal, 'situations-open-actions', () =>
            StatementTemplate.of(
              this.access.accessibleBy(
                openActionsQuery(manager, slot('situationIds')),
                principal,
                'read',
                'SituationAction',
              ),
            ),
          );
          const situationIds = shown.map((situation) => situation.id);
          for (const row of (await manager.query(actions.sql, actions.values({ situationIds }))) as {
            situation_id: string;
            open_count: number;
            next_due_on: string;
          }[])
            open.set(row.situation_id, { count: row.open_count, nextDueOn: row.next_due_on });
        }
        const today = parisDate(this.clock.now());
        const gated = new Map(
          shown.map((situation) => {
            const actions = open.get(situation.id) ?? { count: 0, nextDueOn: null };
            return [
              situation.id,
              gateFields(
                SituationSummaryObject,
                {
                  id: situation.id,
                  territoryId: situation.territoryId,
                  person: toPersonObject(situation.person!),
                  status: situation.status,
                  statusLabel: SITUATION_STATUS_LABELS[situation.status],
                  openedAt: situation.openedAt,
                  nextReviewOn: situation.nextReviewOn,
                  referrerKinds: situation.referrerKinds,
                  openActionCount: actions.count,
                  nextActionDueOn: actions.nextDueOn,
                  nextStep: situationNextStep({
                    status: situation.status,
                    nextReviewOn: situation.nextReviewOn,
                    openActionCount: actions.count,
                    today,
                  }),
                },
                rowView(principal, situation.territoryId, accesses.get(situation.id)!),
              ),
            ] as const;
          }),
        );
        // Logistics only, which the audit does not record: written for the day a field is added.
        await this.audit.recordReads(
          manager,
          principal,
          shown.map((situation) => ({
            territoryId: situation.territoryId,
            personId: situation.personId,
            subject: { type: 'Situation', id: situation.id },
            categories: gated.get(situation.id)!.shown,
          })),
        );
        const connection = pageOf(
          listed,
          request.first,
          (situation) => [situation.reviewKey, situation.openedKey, situation.id],
          (situation) => gated.get(situation.id)?.value,
        );
        return {
          ...connection,
          edges: connection.edges.filter((edge): edge is Edge<SituationSummaryObject> => !!edge.node),
        };
      },
    );
  }

  /** One situation as the reader may see it: a fixed number of queries, whatever its history. */
  situation(principal: Principal, situationId: string): Promise<SituationObject> {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.read(manager, principal, situationId),
    );
  }

  /**
   * One situation with its whole timeline and every action the reader may see, for a document that
   * holds everything (the PPCS).
   */
  situationRecord(principal: Principal, situationId: string): Promise<SituationRecord> {
    return this.database.run({ territoryIds: principal.territoryIds }, (manager) =>
      this.readRecord(manager, principal, situationId),
    );
  }

  /**
   * Every situation of a person the reader may read, the oldest opened first, each with its whole
   * history (the person's right of access gathers them).
   */
  situationsOf(principal: Principal, personId: string): Promise<SituationRecord[]> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const ids = this.access.accessibleBy(
        manager
          .getRepository(Situation)
          .createQueryBuilder('situation')
          .select('situation.id', 'id')
          .where('situation.personId = :personId', { personId })
          .orderBy('situation.openedAt', 'ASC')
          .addOrderBy('situation.id', 'ASC'),
        principal,
        'read',
        'Situation',
      );
      const situations: SituationRecord[] = [];
      for (const { id } of await ids.getRawMany<{ id: string }>())
        situations.push(await this.readRecord(manager, principal, id));
      return situations;
    });
  }

  private async readRecord(
    manager: EntityManager,
    principal: Principal,
    situationId: string,
  ): Promise<SituationRecord> {
    const situation = await this.read(manager, principal, situationId);
    const whole = { first: null };
    const timeline = await this.history.readTimeline(manager, principal, situation, whole);
    const actions = await this.history.readActions(manager, principal, situation, whole);
    return Object.assign(situation, {
      timeline: timeline.edges.map((edge) => edge.node),
      actions: actions.edges.map((edge) => edge.node),
    });
  }

  /**
   * The same, inside the caller's transaction (after closing it, say); its timeline and actions are
   * read a page at a time (SituationHistoryQueryService).
   */
  async read(manager: EntityManager, principal: Principal, situationId: string): Promise<SituationObject> {
    const query = manager
      .getRepository(Situation)
      .createQueryBuilder('situation')
      .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
      .where('situation.id = :situationId', { situationId });
    const readAccess = this.access.selectRowAccess(query, principal, 'read', 'Situation');
    const { entities, raw } = await query.getRawAndEntities();
    const situation = entities[0];
    if (!situation?.person) throw await this.access.notFound(manager, 'read', 'Situation', situationId);
    const access = readAccess(raw).get(situation.id)!;
    const view = rowView(principal, situation.territoryId, access);
    const { categories } = view;

    // The circle is read only by those who see it: its composition is confidential.
    const circle = categories.has(DataCategory.SOCIAL_CONFIDENTIAL)
      ? await manager.find(SituationCircleMember, { where: { situationId }, order: { addedAt: 'ASC' } })
      : [];
    // Follow-ups belong to their own context: named by entity, filtered by its rules, ids only.
    const followUps = this.access.accessibleBy(
      manager
        .getRepository<{ id: string; situationId: string; startedOn: string }>('FollowUp')
        .createQueryBuilder('followUp')
        .select('followUp.id', 'id')
        .where('followUp.situationId = :situationId', { situationId })
        .orderBy('followUp.startedOn', 'ASC')
        .addOrderBy('followUp.id', 'ASC'),
      principal,
      'read',
      'FollowUp',
    );
    const followUpIds = (await followUps.getRawMany<{ id: string }>()).map((row) => row.id);
    // The identity is a row of its own: its own relations decide it (the consent naming the reader).
    const identity =
      (await this.identities.readableIdentities(manager, principal, [situation.personId], false)).get(
        situation.personId,
      ) ?? null;

    const gated = gateFields(
      SituationObject,
      {
        id: situation.id,
        territoryId: situation.territoryId,
        person: toPersonObject(situation.person),
        identity,
        status: situation.status,
        statusLabel: SITUATION_STATUS_LABELS[situation.status],
        openedAt: situation.openedAt,
        closedAt: situation.closedAt,
        closureReason: situation.closureReason,
        nextReviewOn: situation.nextReviewOn,
        circle: circle.map(toCircleMemberObject),
        followUpIds,
        // Listed whether the person has an identity record or not, so the list never tells.
        redactedFields: identity ? [] : ['identity'],
      },
      {
        ...view,
        // The identity's own row decided it: the situation shows it when that row was shown.
        categories: identity ? new Set([...categories, DataCategory.IDENTITY]) : categories,
      },
    );
    await this.audit.recordReads(manager, principal, [
      {
        territoryId: situation.territoryId,
        personId: situation.personId,
        subject: { type: 'Situation', id: situation.id },
        categories: gated.shown,
      },
    ]);
    return gated.value;
  }
}

function toCircleMemberObject(member: SituationCircleMember): SituationCircleMemberObject {
  return gateFields(
    SituationCircleMemberObject,
    { organisationId: member.organisationId, basis: member.basis, addedAt: member.addedAt },
    LOGISTIC_VIEW,
  ).value;
}

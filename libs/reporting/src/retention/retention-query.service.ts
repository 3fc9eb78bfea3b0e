import { Injectable } from '@nestjs/common';
import {
  AccessService,
  asSubject,
  DataCategory,
  gateFields,
  LOGISTIC_VIEW,
  Principal,
  rowView,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { Person, Situation, SituationRetentionState } from '@relais/situations';
import { anonymiseDueAt } from './domain/retention-periods';
import { ArchivedSituationObject, RetentionPlanObject, RetentionStepObject } from './dto/retention.objects';
import { ARCHIVED_SITUATION_CURSOR, ArchivedSituationsArgs } from './dto/retention.inputs';
import { RetentionLifecycleService } from './retention-lifecycle.service';
import { holdsInForce, retentionOf } from './retention-settings.service';

const ARCHIVED_KEY = `to_char("situation"."archived_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What the coordination reads of the archive, and the dry run of the lifecycle. */
@Injectable()
export class RetentionQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly lifecycle: RetentionLifecycleService,
    private readonly clock: Clock,
  ) {}

  /**
   * The territory's archived and anonymised situations, oldest archived first, for the
   * coordination alone (`readArchived`, compiled into the statement); each one read is audited.
   */
  archivedSituations(
    principal: Principal,
    /** `personId`: one person's only (her right of access). */
    args: ArchivedSituationsArgs & { personId?: string },
  ): Promise<Connection<ArchivedSituationObject>> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Situation)
        .createQueryBuilder('situation')
        .innerJoinAndMapOne('situation.person', Person, 'person', 'person.id = situation.personId')
        .addSelect(`${ARCHIVED_KEY}`, 'archived_key')
        .where('situation.territoryId = :territoryId', { territoryId: args.territoryId })
        .andWhere('situation.retentionState IN (:...states)', {
          states: [SituationRetentionState.ARCHIVED, SituationRetentionState.ANONYMISED],
        })
        .orderBy('situation.archivedAt', 'ASC')
        .addOrderBy('situation.id', 'ASC')
        .limit(args.first + 1);
      if (args.personId) query.andWhere('situation.personId = :personId', { personId: args.personId });
      if (args.after) {
        const key = decodeCursor(args.after, ARCHIVED_SITUATION_CURSOR);
        if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
        query.andWhere(
          `("situation"."archived_at", "situation"."id") > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))`,
          {
            afterAt: key[0],
            afterId: key[1],
          },
        );
      }
      const readAccess = this.access.selectRowAccess(
        query,
        principal,
        'readArchived',
        'Situation',
        ArchivedSituationObject,
      );
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = readAccess(raw);
      const keys = new Map(
        (raw as Record<string, unknown>[]).map((row) => [String(row.situation_id), String(row.archived_key)]),
      );
      const { periods } = await retentionOf(manager, args.territoryId);
      const held = new Set((await holdsInForce(manager, args.territoryId)).map((hold) => hold.situationId));
      for (const situation of entities.slice(0, args.first)) {
        await this.audit.record(manager, {
          territoryId: situation.territoryId,
          actor: principal,
          action: 'ARCHIVED_SITUATION_READ',
          subject: { type: 'Situation', id: situation.id },
          personId: situation.personId,
          dataCategories: [DataCategory.LOGISTIC],
        });
      }
      return pageOf(
        entities,
        args.first,
        (situation) => [keys.get(situation.id)!, situation.id],
        (situation) =>
          gateFields(
            ArchivedSituationObject,
            {
              id: situation.id,
              territoryId: situation.territoryId,
              caseCode: situation.person!.caseCode,
              retentionState: situation.retentionState,
              openedAt: situation.openedAt,
              closedAt: situation.closedAt,
              closureReason: situation.closureReason,
              archivedAt: situation.archivedAt!,
              anonymisedAt: situation.anonymisedAt,
              anonymiseOn: situation.anonymisedAt ? null : anonymiseDueAt(situation.archivedAt!, periods),
              underLegalHold: held.has(situation.id),
            },
            rowView(principal, situation.territoryId, accesses.get(situation.id)!),
          ).value,
      );
    });
  }

  /** The dry run: what the lifecycle would do now in the territory; nothing changes. */
  plan(principal: Principal, territoryId: string): Promise<RetentionPlanObject> {
    this.access.assertCan(principal, 'plan', asSubject('RetentionPolicy', { territoryId }));
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const computedAt = this.clock.now();
      const steps = await this.lifecycle.plan(manager, territoryId, computedAt);
      return {
        territoryId,
        computedAt,
        steps: steps.map(
          (step) =>
            gateFields(
              RetentionStepObject,
              {
                kind: step.kind,
                situationId: step.situationId,
                caseCode: step.caseCode,
                dueAt: step.dueAt,
                held: step.held,
                events: step.events,
                description: step.description,
              },
              LOGISTIC_VIEW,
            ).value,
        ),
      };
    });
  }
}

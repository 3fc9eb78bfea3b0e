import { Injectable, Logger } from '@nestjs/common';
import { AuditPurgeService, AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { SituationRetentionState } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { AnonymisationService } from './anonymisation.service';
import {
  anonymiseDueAt,
  archiveDueAt,
  auditPurgeBefore,
  lastContactOf,
  RetentionPeriods,
} from './domain/retention-periods';
import { LegalHoldScope } from './entities';
import { holdsInForce, retentionOf } from './retention-settings.service';

export enum RetentionStepKind {
  ARCHIVE_SITUATION = 'ARCHIVE_SITUATION',
  ANONYMISE_SITUATION = 'ANONYMISE_SITUATION',
  PURGE_AUDIT_EVENTS = 'PURGE_AUDIT_EVENTS',
}

/** One thing the lifecycle does (or would do) in a territory; ids, case codes and counts only. */
export interface RetentionStep {
  readonly kind: RetentionStepKind;
  readonly territoryId: string;
  readonly situationId: string | null;
  readonly caseCode: string | null;
  /** Since when the step is due (for the audit purge: events before this instant go). */
  readonly dueAt: Date;
  /** A legal hold in force stops it: listed, never done. */
  readonly held: boolean;
  /** Audit events concerned (the purge), 0 otherwise. */
  readonly events: number;
  /** In French, for the dry run's reader. */
  readonly description: string;
}

export interface RetentionRun {
  readonly territoryId: string;
  readonly dryRun: boolean;
  readonly steps: RetentionStep[];
}

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/**
 * The retention lifecycle of each territory: a closed situation leaves the active base the active
 * period after its last contact (ARCHIVED), is anonymised the archive period after that, and audit
 * events older than their period are purged — a legal hold in force stops the last two. The plan
 * is computed from the database every time, so a second run finds nothing more to do; a dry run
 * computes the same plan and changes nothing. Each step is audited (ids and counts only).
 */
@Injectable()
export class RetentionLifecycleService {
  private readonly logger = new Logger(RetentionLifecycleService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly purges: AuditPurgeService,
    private readonly anonymisation: AnonymisationService,
    private readonly clock: Clock,
  ) {}

  /** What the lifecycle would do now in one territory, inside the caller's transaction. */
  async plan(
    manager: EntityManager,
    territoryId: string,
    now: Date = this.clock.now(),
  ): Promise<RetentionStep[]> {
    const { periods } = await retentionOf(manager, territoryId);
    const holds = await holdsInForce(manager, territoryId);
    const heldSituations = new Set(holds.flatMap((hold) => (hold.situationId ? [hold.situationId] : [])));
    const auditHeld = holds.some((hold) => hold.scope === LegalHoldScope.AUDIT_LOG);
    return [
      ...(await this.toArchive(manager, territoryId, periods, now)),
      ...(await this.toAnonymise(manager, territoryId, periods, now, heldSituations)),
      ...(await this.auditPurge(manager, territoryId, periods, now, auditHeld, [...heldSituations])),
    ];
  }

  /** Runs (or only plans, `dryRun`) one territory, in its own transaction. */
  runTerritory(territoryId: string, options: { dryRun: boolean }): Promise<RetentionRun> {
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      // Two runs at once (a worker and the command) take turns: the second finds nothing left.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('relais-retention'), hashtext($1))`, [
        territoryId,
      ]);
      const now = this.clock.now();
      const steps = await this.plan(manager, territoryId, now);
      if (!options.dryRun) {
        for (const step of steps.filter((candidate) => !candidate.held)) {
          await this.perform(manager, step, now);
        }
      }
      return { territoryId, dryRun: options.dryRun, steps };
    });
  }

  /** Every territory, one after the other: the daily job, and the command. */
  async runAll(options: { dryRun: boolean }): Promise<RetentionRun[]> {
    const runs: RetentionRun[] = [];
    for (const territoryId of await this.database.allTerritoryIds()) {
      runs.push(await this.runTerritory(territoryId, options));
    }
    return runs;
  }

  private async perform(manager: EntityManager, step: RetentionStep, now: Date): Promise<void> {
    const { periods } = await retentionOf(manager, step.territoryId);
    switch (step.kind) {
      case RetentionStepKind.ARCHIVE_SITUATION: {
        const [archived] = (await manager.query(
          `UPDATE situations SET retention_state = $2, archived_at = $3
            WHERE id = $1 AND retention_state = 'ACTIVE' RETURNING person_id`,
          [step.situationId, SituationRetentionState.ARCHIVED, now],
        )) as [{ person_id: string }[], number];
        const personId = archived[0]?.person_id;
        if (!personId) return;
        await this.audit.record(manager, {
          territoryId: step.territoryId,
          action: 'SITUATION_ARCHIVED',
          subject: { type: 'Situation', id: step.situationId },
          personId,
          details: { activeMonths: periods.activeMonths, dueAt: step.dueAt.toISOString() },
        });
        return;
      }
      case RetentionStepKind.ANONYMISE_SITUATION:
        await this.anonymisation.anonymiseSituation(manager, step.situationId!, {
          territoryId: step.territoryId,
          now,
          ground: 'RETENTION',
        });
        return;
      case RetentionStepKind.PURGE_AUDIT_EVENTS: {
        const holds = await holdsInForce(manager, step.territoryId);
        const kept = await this.keptByHolds(
          manager,
          holds.flatMap((hold) => hold.situationId ?? []),
        );
        const purge = await this.purges.purge(manager, {
          territoryId: step.territoryId,
          before: step.dueAt,
          keptPersonIds: kept.personIds,
          keptSubjectIds: kept.subjectIds,
        });
        if (!purge.purgeable) return;
        await this.audit.record(manager, {
          territoryId: step.territoryId,
          action: 'AUDIT_EVENTS_PURGED',
          subject: { type: 'AuditLog', id: null },
          details: {
            auditMonths: periods.auditMonths,
            before: step.dueAt.toISOString(),
            throughSequence: purge.throughSequence,
            purgedEvents: purge.purgeable,
            keptEvents: purge.kept,
          },
        });
        this.logger.log({
          message: "Événements d'audit purgés",
          territoryId: step.territoryId,
          purged: purge.purgeable,
        });
        return;
      }
    }
  }

  private async toArchive(
    manager: EntityManager,
    territoryId: string,
    periods: RetentionPeriods,
    now: Date,
  ): Promise<RetentionStep[]> {
    const rows = (await manager.query(
      `SELECT s.id, p.case_code, s.closed_at,
              (SELECT max(e.occurred_at) FROM situation_events e WHERE e.situation_id = s.id) AS last_event_at
         FROM situations s JOIN persons p ON p.id = s.person_id
        WHERE s.territory_id = $1 AND s.status = 'CLOSED' AND s.retention_state = 'ACTIVE'
          AND s.closed_at IS NOT NULL
        ORDER BY s.closed_at, s.id`,
      [territoryId],
    )) as { id: string; case_code: string; closed_at: Date; last_event_at: Date | null }[];
    return rows.flatMap((row) => {
      const lastContact = lastContactOf(row.closed_at, row.last_event_at);
      const dueAt = archiveDueAt(lastContact, periods);
      if (dueAt > now) return [];
      return [
        {
          kind: RetentionStepKind.ARCHIVE_SITUATION,
          territoryId,
          situationId: row.id,
          caseCode: row.case_code,
          dueAt,
          held: false,
          events: 0,
          description: `Archiver la situation ${row.case_code} : close, dernier contact le ${PARIS_DAY.format(lastContact)}, plus de ${periods.activeMonths} mois en base active.`,
        },
      ];
    });
  }

  private async toAnonymise(
    manager: EntityManager,
    territoryId: string,
    periods: RetentionPeriods,
    now: Date,
    held: ReadonlySet<string>,
  ): Promise<RetentionStep[]> {
    const rows = (await manager.query(
      `SELECT s.id, p.case_code, s.archived_at FROM situations s JOIN persons p ON p.id = s.person_id
        WHERE s.territory_id = $1 AND s.retention_state = 'ARCHIVED' ORDER BY s.archived_at, s.id`,
      [territoryId],
    )) as { id: string; case_code: string; archived_at: Date }[];
    return rows.flatMap((row) => {
      const dueAt = anonymiseDueAt(row.archived_at, periods);
      if (dueAt > now) return [];
      const isHeld = held.has(row.id);
      return [
        {
          kind: RetentionStepKind.ANONYMISE_SITUATION,
          territoryId,
          situationId: row.id,
          caseCode: row.case_code,
          dueAt,
          held: isHeld,
          events: 0,
          description: isHeld
            ? `Anonymisation de la situation ${row.case_code} suspendue : un gel juridique est en vigueur.`
            : `Anonymiser la situation ${row.case_code} : archivée le ${PARIS_DAY.format(row.archived_at)}, plus de ${periods.archiveMonths} mois d’archivage. Identité et textes libres effacés ; code, dates et états conservés.`,
        },
      ];
    });
  }

  private async auditPurge(
    manager: EntityManager,
    territoryId: string,
    periods: RetentionPeriods,
    now: Date,
    auditHeld: boolean,
    heldSituationIds: string[],
  ): Promise<RetentionStep[]> {
    const before = auditPurgeBefore(now, periods);
    const kept = await this.keptByHolds(manager, heldSituationIds);
    const plan = await this.purges.plan(manager, {
      territoryId,
      before,
      keptPersonIds: kept.personIds,
      keptSubjectIds: kept.subjectIds,
    });
    if (!plan.purgeable) return [];
    return [
      {
        kind: RetentionStepKind.PURGE_AUDIT_EVENTS,
        territoryId,
        situationId: null,
        caseCode: null,
        dueAt: before,
        held: auditHeld,
        events: plan.purgeable,
        description: auditHeld
          ? `Purge du journal d’audit suspendue : un gel juridique porte sur le journal du territoire (${plan.purgeable} événement(s) antérieur(s) au ${PARIS_DAY.format(before)}).`
          : `Purger ${plan.purgeable} événement(s) du journal d’audit antérieur(s) au ${PARIS_DAY.format(before)} (conservation de ${periods.auditMonths} mois)${plan.kept ? ` ; ${plan.kept} conservé(s) sous gel juridique` : ''}.`,
      },
    ];
  }

  /** The audit events a situation's legal hold keeps: about the situation, or about its person. */
  private async keptByHolds(
    manager: EntityManager,
    situationIds: string[],
  ): Promise<{ personIds: string[]; subjectIds: string[] }> {
    if (!situationIds.length) return { personIds: [], subjectIds: [] };
    const rows = (await manager.query(
      `SELECT DISTINCT person_id FROM situations WHERE id = ANY ($1::uuid[])`,
      [situationIds],
    )) as { person_id: string }[];
    return { personIds: rows.map((row) => row.person_id), subjectIds: situationIds };
  }
}

/** What runs did, counted (for logs and the job's result: no case code, no id). */
export function retentionTally(runs: readonly RetentionRun[]): Record<string, number> {
  const done = runs.flatMap((run) => run.steps.filter((step) => !step.held));
  const count = (kind: RetentionStepKind) => done.filter((step) => step.kind === kind).length;
  return {
    territories: runs.length,
    archived: count(RetentionStepKind.ARCHIVE_SITUATION),
    anonymised: count(RetentionStepKind.ANONYMISE_SITUATION),
    auditEventsPurged: done
      .filter((step) => step.kind === RetentionStepKind.PURGE_AUDIT_EVENTS)
      .reduce((sum, step) => sum + step.events, 0),
    held: runs.flatMap((run) => run.steps).filter((step) => step.held).length,
  };
}

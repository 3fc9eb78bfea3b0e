import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { eraseConsentPersonalData } from '@relais/consent';
import { eraseFollowUpPersonalData } from '@relais/followups';
import { eraseMeetingPersonalData } from '@relais/meetings';
import { erasePersonReferrals, eraseReferralPersonalData } from '@relais/referrals';
import { erasePersonIdentity, eraseSituationPersonalData, SituationRetentionState } from '@relais/situations';
import { EntityManager } from 'typeorm';

/** Why an anonymisation happens: the end of the archive period, or the person's erasure request. */
export type AnonymisationGround = 'RETENTION' | 'ERASURE_REQUEST';

export interface AnonymisationContext {
  readonly territoryId: string;
  readonly now: Date;
  readonly ground: AnonymisationGround;
  /** Absent when the platform does it by itself (the daily job). */
  readonly actor?: Pick<Principal, 'userId' | 'requestId'>;
}

export interface SituationAnonymised {
  /** The person's identity, consents' texts and other referrals were erased too (no live situation left). */
  readonly identityErased: boolean;
}

/**
 * Erases a situation's, or a person's, identity and free texts through the function each context
 * exports for its own tables, then marks the situation ANONYMISED (and out of the active base);
 * the case code, dates, statuses and the reporting projection stay. Runs in the caller's
 * transaction, with the archive's read-only lock opened for that transaction only; audited, with
 * ids and the ground alone.
 */
@Injectable()
export class AnonymisationService {
  constructor(private readonly audit: AuditService) {}

  async anonymiseSituation(
    manager: EntityManager,
    situationId: string,
    context: AnonymisationContext,
  ): Promise<SituationAnonymised> {
    return this.withArchiveOpen(manager, async () => {
      const [situation] = (await manager.query(
        `SELECT id, person_id FROM situations WHERE id = $1 AND territory_id = $2 FOR UPDATE`,
        [situationId, context.territoryId],
      )) as { id: string; person_id: string }[];
      if (!situation) return { identityErased: false };
      await this.eraseSituation(manager, situationId, context.now);
      // The identity goes with the person's last situation still kept in clear.
      const [others] = (await manager.query(
        `SELECT count(*)::int AS live FROM situations
          WHERE person_id = $1 AND id <> $2 AND retention_state <> 'ANONYMISED'`,
        [situation.person_id, situationId],
      )) as { live: number }[];
      const identityErased = others.live === 0;
      if (identityErased) await this.erasePerson(manager, situation.person_id);
      await this.audit.record(manager, {
        territoryId: context.territoryId,
        actor: context.actor,
        action: 'SITUATION_ANONYMISED',
        subject: { type: 'Situation', id: situationId },
        personId: situation.person_id,
        details: { ground: context.ground, identityErased },
      });
      return { identityErased };
    });
  }

  /** Every situation of the person and her identity, whatever their state (an erasure request). */
  async anonymisePerson(
    manager: EntityManager,
    personId: string,
    context: AnonymisationContext,
  ): Promise<{ situations: number }> {
    return this.withArchiveOpen(manager, async () => {
      const situations = (await manager.query(
        `SELECT id FROM situations WHERE person_id = $1 AND territory_id = $2 FOR UPDATE`,
        [personId, context.territoryId],
      )) as { id: string }[];
      for (const { id } of situations) await this.eraseSituation(manager, id, context.now);
      await this.erasePerson(manager, personId);
      await this.audit.record(manager, {
        territoryId: context.territoryId,
        actor: context.actor,
        action: 'PERSON_ANONYMISED',
        subject: { type: 'Person', id: personId },
        personId,
        details: { ground: context.ground, situationIds: situations.map(({ id }) => id) },
      });
      return { situations: situations.length };
    });
  }

  private async eraseSituation(manager: EntityManager, situationId: string, now: Date): Promise<void> {
    await eraseSituationPersonalData(manager, situationId);
    await eraseReferralPersonalData(manager, situationId);
    await eraseMeetingPersonalData(manager, situationId);
    await eraseFollowUpPersonalData(manager, situationId);
    await manager.query(
      `UPDATE situations SET retention_state = $2, archived_at = coalesce(archived_at, $3), anonymised_at = $3
        WHERE id = $1`,
      [situationId, SituationRetentionState.ANONYMISED, now],
    );
  }

  private async erasePerson(manager: EntityManager, personId: string): Promise<void> {
    await erasePersonIdentity(manager, personId);
    await erasePersonReferrals(manager, personId);
    await eraseConsentPersonalData(manager, personId);
  }

  /** Archived rows are read-only (a trigger); this transaction alone may erase them, meanwhile. */
  private async withArchiveOpen<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    await manager.query(`SELECT set_config('relais.retention', 'on', true)`);
    // On failure the transaction rolls back, and the setting with it.
    const result = await work();
    await manager.query(`SELECT set_config('relais.retention', '', true)`);
    return result;
  }
}

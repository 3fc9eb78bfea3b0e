import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, Principal, RowAccess } from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { Handoff, IdentityReader, Person, Situation } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { handoffPdf } from './documents/handoff-document';
import { HandoffObject } from './dto/follow-up.objects';
import { handoffContexts } from './handoff-context';
import { gateHandoff, gatePersonName } from './handoff.view';

/** At most this many hand-offs of one situation are listed (a documented cap, not a page). */
export const HANDOFFS_PER_SITUATION = 50;

/**
 * The read side of hand-offs: the list of a situation's, one for its answer, and its PDF. Each is
 * gated from the reader's relations to the row; what the gate shows is what the audit records.
 */
@Injectable()
export class HandoffQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly identities: IdentityReader,
  ) {}

  handoffs(actor: Principal, situationId: string): Promise<HandoffObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Handoff)
        .createQueryBuilder('handoff')
        .innerJoinAndSelect('handoff.situation', 'situation')
        .where('handoff.situationId = :situationId', { situationId })
        .orderBy('handoff.proposedAt', 'ASC')
        .addOrderBy('handoff.id', 'ASC')
        // A situation is handed off a handful of times in its life: past the cap, the oldest are kept.
        .limit(HANDOFFS_PER_SITUATION)
        .comment('prepared:situation-handoffs');
      const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Handoff');
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = readAccess(raw);
      return this.presentAll(
        manager,
        actor,
        entities.map((handoff) => ({
          handoff,
          personId: handoff.situation!.personId,
          access: accesses.get(handoff.id) ?? null,
        })),
      );
    });
  }

  /** One hand-off by its id, for a reader of it (NOT_FOUND otherwise); the read is audited. */
  handoff(actor: Principal, handoffId: string): Promise<HandoffObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row, access } = await this.access.loadAccessible(manager, actor, 'read', Handoff, handoffId);
      const situation = await manager.findOneByOrFail(Situation, { id: row.situationId });
      return this.present(manager, actor, row, situation.personId, access);
    });
  }

  /**
   * Hand-offs as their reader may see them, with their context (case code, partners' names,
   * reminders) read in a fixed number of statements; the reads are audited.
   */
  async presentAll(
    manager: EntityManager,
    actor: Principal,
    rows: readonly { handoff: Handoff; personId: string; access: RowAccess | null }[],
  ): Promise<HandoffObject[]> {
    const contexts = await handoffContexts(
      manager,
      rows.map((row) => row.handoff),
    );
    const gated = rows.map((row) => ({
      ...row,
      gated: gateHandoff(actor, row.handoff, row.access, contexts.get(row.handoff.id)!),
    }));
    await this.audit.recordReads(
      manager,
      actor,
      gated.map(({ handoff, personId, gated: { shown } }) => ({
        territoryId: handoff.territoryId,
        personId,
        subject: { type: 'Handoff', id: handoff.id },
        categories: shown,
      })),
    );
    return gated.map(({ gated: { value } }) => value);
  }

  /** One hand-off the actor has just written or answered, as they may read it; the read is audited. */
  async present(
    manager: EntityManager,
    actor: Principal,
    handoff: Handoff,
    personId: string,
    access: RowAccess | null,
  ): Promise<HandoffObject> {
    const [presented] = await this.presentAll(manager, actor, [{ handoff, personId, access }]);
    return presented;
  }

  /**
   * The hand-off as a French PDF, for a reader of the hand-off, built from the same gated view as
   * the GraphQL object: what the reader may not see is not printed. The download is audited.
   */
  handoffDocument(actor: Principal, handoffId: string): Promise<{ pdf: Buffer; filename: string }> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: handoff, access } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Handoff,
        handoffId,
      );
      const situation = await manager.findOneByOrFail(Situation, { id: handoff.situationId });
      const person = await manager.findOneByOrFail(Person, { id: situation.personId });
      const context = (await handoffContexts(manager, [handoff])).get(handoff.id)!;
      const gated = gateHandoff(actor, handoff, access, context);
      // The name needs both: the identity's own rules give it (or not), the hand-off's gate prints it.
      const identity = gated.view.categories.has(DataCategory.IDENTITY)
        ? (await this.identities.readableIdentities(manager, actor, [person.id], false)).get(person.id)
        : undefined;
      const name = gatePersonName(gated.view, identity ? `${identity.firstName} ${identity.lastName}` : null);
      const shown = [...gated.shown, ...name.shown];
      await this.audit.record(manager, {
        territoryId: handoff.territoryId,
        actor,
        action: 'DOCUMENT_DOWNLOADED',
        subject: { type: 'Handoff', id: handoff.id },
        personId: person.id,
        details: { document: 'HANDOFF' },
      });
      await this.audit.recordReads(manager, actor, [
        {
          territoryId: handoff.territoryId,
          personId: person.id,
          subject: { type: 'Handoff', id: handoff.id },
          categories: shown,
        },
      ]);
      const pdf = await handoffPdf({ handoff: gated.value, personName: name.value.personName });
      return { pdf, filename: `passage-de-relais-${person.caseCode}.pdf` };
    });
  }
}

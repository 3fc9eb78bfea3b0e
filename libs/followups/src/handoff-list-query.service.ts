import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, LOGISTIC_VIEW, Principal } from '@relais/access';
import { frenchDate } from '@relais/config';
import { ConsentPurpose, ConsentService, CoverageGap } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { Connection, pageOf } from '@relais/graphql';
import { Organisation } from '@relais/identity';
import { Handoff, HandoffStatus } from '@relais/situations';
import {
  HANDOFF_RECIPIENT_CURSOR,
  HandoffRecipientObject,
  HandoffRecipientsArgs,
  INCOMING_HANDOFF_CURSOR,
  IncomingHandoffsArgs,
} from './dto/follow-up-lists.dto';
import { HandoffObject } from './dto/follow-up.objects';
import { key } from './follow-up-list-query.service';
import { HandoffQueryService } from './handoff-query.service';
import { situationToHandOff } from './handoff-proposer';

/** 0 for a hand-off awaiting its answer, 1 for an answered one: those awaiting come first. */
const ANSWERED = `(CASE WHEN "handoff"."status" = 'PROPOSED' THEN 0 ELSE 1 END)`;
/** Awaiting: the oldest proposal first; answered: the latest answer first (milliseconds, negated). */
const MOMENT = `(CASE WHEN "handoff"."status" = 'PROPOSED'
  THEN floor(extract(epoch FROM "handoff"."proposed_at") * 1000)
  ELSE -floor(extract(epoch FROM COALESCE("handoff"."answered_at", "handoff"."proposed_at")) * 1000) END)::bigint`;

const GAP_REASONS: Record<CoverageGap, (expiresOn: string | null) => string> = {
  NO_CONSENT: () =>
    'La personne n’a pas de consentement en vigueur : un passage de relais suppose son accord.',
  EXPIRED: (expiresOn) =>
    `Le consentement de la personne a expiré${expiresOn ? ` le ${frenchDate(expiresOn)}` : ''} : recueillez-le à nouveau.`,
  PURPOSE_NOT_COVERED: () => 'Le consentement de la personne ne prévoit pas de passage de relais.',
  ORGANISATION_NOT_NAMED: () =>
    'Le consentement de la personne ne nomme pas ce partenaire pour un passage de relais.',
  CATEGORY_NOT_COVERED: () => 'Le consentement de la personne ne couvre pas ce partage.',
};

/**
 * Lists around hand-offs: those proposed to the reader's organisation, and the partners a hand-off
 * of a situation could go to (with whether the person's consent allows it).
 */
@Injectable()
export class HandoffListQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly consents: ConsentService,
    private readonly reads: HandoffQueryService,
  ) {}

  /** Proposed to the reader's organisation: awaiting an answer (oldest first), then answered (latest first). */
  incomingHandoffs(actor: Principal, args: IncomingHandoffsArgs): Promise<Connection<HandoffObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Handoff)
        .createQueryBuilder('handoff')
        .innerJoinAndSelect('handoff.situation', 'situation')
        .where('handoff.receivingOrganisationId = :organisationId', {
          organisationId: actor.organisationId,
        })
        .orderBy(ANSWERED, 'ASC')
        .addOrderBy(MOMENT, 'ASC')
        .addOrderBy('handoff.id', 'ASC')
        .limit(args.first + 1);
      if (args.status) query.andWhere('handoff.status = :status', { status: args.status });
      if (args.after) {
        const [answered, moment, id] = key(args.after, INCOMING_HANDOFF_CURSOR);
        query.andWhere(
          `(${ANSWERED}, ${MOMENT}, "handoff"."id") > (CAST(:afterAnswered AS int), CAST(:afterMoment AS bigint), CAST(:afterId AS uuid))`,
          { afterAnswered: answered, afterMoment: moment, afterId: id },
        );
      }
      const readAccess = this.access.selectRowAccess(query, actor, 'read', 'Handoff');
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = readAccess(raw);
      const shown = entities.slice(0, args.first);
      const presented = await this.reads.presentAll(
        manager,
        actor,
        shown.map((handoff) => ({
          handoff,
          personId: handoff.situation!.personId,
          access: accesses.get(handoff.id) ?? null,
        })),
      );
      const byId = new Map(presented.map((handoff) => [handoff.id, handoff]));
      return pageOf(entities, args.first, incomingKey, (handoff) => byId.get(handoff.id)!);
    });
  }

  /**
   * The territory's partners but the reader's own organisation, by name, each told allowed or not
   * by the person's consent in force — for whoever may propose a hand-off on this situation.
   * Two statements for the page, whatever its size, after the proposer's checks.
   */
  handoffRecipients(
    actor: Principal,
    args: HandoffRecipientsArgs,
  ): Promise<Connection<HandoffRecipientObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const situation = await situationToHandOff(manager, this.access, actor, args.situationId, 'any');
      const query = manager
        .getRepository(Organisation)
        .createQueryBuilder('organisation')
        .where('organisation.territoryId = :territoryId AND organisation.id <> :own', {
          territoryId: situation.territoryId,
          own: actor.organisationId,
        })
        .orderBy('organisation.name', 'ASC')
        .addOrderBy('organisation.id', 'ASC')
        .limit(args.first + 1);
      if (args.after) {
        const [name, id] = key(args.after, HANDOFF_RECIPIENT_CURSOR);
        query.andWhere(
          '(organisation.name, organisation.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))',
          { afterName: name, afterId: id },
        );
      }
      const organisations = await query.getMany();
      const { gaps, expiresOn } = await this.consents.coverageByOrganisation(
        manager,
        situation.personId,
        ConsentPurpose.HANDOFF,
        organisations.slice(0, args.first),
      );
      return pageOf(
        organisations,
        args.first,
        (organisation) => [organisation.name, organisation.id],
        (organisation) => {
          const gap = gaps.get(organisation.id) ?? null;
          return gateFields(
            HandoffRecipientObject,
            {
              organisationId: organisation.id,
              name: organisation.name,
              kind: organisation.kind,
              allowed: gap === null,
              reason: gap === null ? null : GAP_REASONS[gap](expiresOn),
            },
            LOGISTIC_VIEW,
          ).value;
        },
      );
    });
  }
}

function incomingKey(handoff: Handoff): string[] {
  const proposed = handoff.status === HandoffStatus.PROPOSED;
  const moment = proposed
    ? handoff.proposedAt.getTime()
    : -(handoff.answeredAt ?? handoff.proposedAt).getTime();
  return [proposed ? '0' : '1', String(moment), handoff.id];
}

import { Injectable } from '@nestjs/common';
import { AccessService, gateFields, LOGISTIC_VIEW, Principal } from '@relais/access';
import { ScopedDatabase } from '@relais/database';
import {
  Connection,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  InputValidationException,
  pageOf,
} from '@relais/graphql';
import { Handoff, HandoffStatus, Person, Situation } from '@relais/situations';
import {
  AWAITING_HANDOFF_CURSOR,
  HandoffAwaitingAnswerObject,
  HandoffsAwaitingAnswerArgs,
} from './dto/handoffs-awaiting-answer.dto';

type LoadedHandoff = Handoff & { person?: Person };

/**
 * The hand-offs of a territory still waiting for their receiver's answer, for the coordination to
 * chase: rows filtered by its own rule (`oversee`) in the one statement that also joins each case
 * code. Every field is logistic, which the audit does not record.
 */
@Injectable()
export class HandoffAwaitingQueryService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
  ) {}

  /** The longest waiting first (when proposed, then id). */
  handoffsAwaitingAnswer(
    actor: Principal,
    args: HandoffsAwaitingAnswerArgs,
  ): Promise<Connection<HandoffAwaitingAnswerObject>> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      // Milliseconds: the cursor carries the moment as JavaScript reads it, so both sides compare alike.
      const proposedAt = "date_trunc('milliseconds', handoff.proposedAt)";
      const query = manager
        .getRepository(Handoff)
        .createQueryBuilder('handoff')
        .innerJoin(Situation, 'situation', 'situation.id = handoff.situationId')
        .innerJoinAndMapOne('handoff.person', Person, 'person', 'person.id = situation.personId')
        .where('handoff.territoryId = :territoryId AND handoff.status = :status', {
          territoryId: args.territoryId,
          status: HandoffStatus.PROPOSED,
        })
        .orderBy(proposedAt, 'ASC')
        .addOrderBy('handoff.id', 'ASC')
        .limit(args.first + 1);
      if (args.after) {
        const key = decodeCursor(args.after, AWAITING_HANDOFF_CURSOR);
        if (!key) throw new InputValidationException([{ field: 'after', message: INVALID_CURSOR_MESSAGE }]);
        query.andWhere(
          `(${proposedAt}, handoff.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))`,
          {
            afterAt: key[0],
            afterId: key[1],
          },
        );
      }
      this.access.accessibleBy(query, actor, 'oversee', 'Handoff');
      const handoffs = (await query.getMany()) as LoadedHandoff[];
      return pageOf(
        handoffs,
        args.first,
        (handoff) => [handoff.proposedAt.toISOString(), handoff.id],
        (handoff) =>
          gateFields(
            HandoffAwaitingAnswerObject,
            {
              id: handoff.id,
              situationId: handoff.situationId,
              caseCode: handoff.person!.caseCode,
              followUpId: handoff.followUpId,
              proposedByOrganisationId: handoff.proposedByOrganisationId,
              receivingOrganisationId: handoff.receivingOrganisationId,
              proposedAt: handoff.proposedAt,
            },
            LOGISTIC_VIEW,
          ).value,
      );
    });
  }
}

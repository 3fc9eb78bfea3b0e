import { addDays, Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { OutboxMessage, OutboxPayload, writeOutbox } from '@relais/outbox';
import { Situation } from '@relais/situations';
import { In } from 'typeorm';
import { FollowUpPhase } from './domain/follow-up.enums';
import { FollowUp } from './entities';
import { teamSeats } from './team';

type WatchEventType = 'followup.planned_end_passed' | 'followup.review_due' | 'followup.team_vacancy';

/** The team reviews the follow-up every four weeks. */
const REVIEW_EVERY_DAYS = 28;

export type FollowUpWatchCounts = {
  plannedEndPassed: number;
  reviewsDue: number;
  vacancies: number;
};

/**
 * The watch job, every territory in turn: each fact is announced once to the outbox — planned
 * end passed, review due every four weeks, a seat fallen vacant — for the reminders to tell.
 */
export async function watchFollowUps(database: ScopedDatabase, clock: Clock): Promise<FollowUpWatchCounts> {
  const counts = { plannedEndPassed: 0, reviewsDue: 0, vacancies: 0 };
  const territories = await database.allTerritoryIds();
  for (const territoryId of territories) {
    await database.run({ territoryIds: [territoryId] }, async (manager) => {
      const followUps = await manager
        .getRepository(FollowUp)
        .createQueryBuilder('followUp')
        .where('followUp.territoryId = :territoryId AND followUp.phase <> :ended', {
          territoryId,
          ended: FollowUpPhase.ENDED,
        })
        .setLock('pessimistic_write')
        .getMany();
      if (!followUps.length) return;
      const today = parisDate(clock.now());
      const seats = await teamSeats(manager, followUps, today);
      const people = new Map(
        (await manager.findBy(Situation, { id: In(followUps.map((followUp) => followUp.situationId)) })).map(
          (situation) => [situation.id, situation.personId],
        ),
      );
      const announce = <T extends WatchEventType>(
        followUp: FollowUp,
        type: T,
        payload: Omit<OutboxPayload<T>, 'situationId' | 'personId'>,
      ) =>
        writeOutbox(manager, {
          territoryId,
          type,
          subject: { type: 'FollowUp', id: followUp.id },
          payload: {
            situationId: followUp.situationId,
            personId: people.get(followUp.situationId)!,
            ...payload,
          },
          occurredAt: clock.now(),
        } as OutboxMessage<T>);
      for (const followUp of followUps) {
        const changes: Partial<FollowUp> = {};
        if (followUp.plannedEndOn < today && !followUp.plannedEndAnnounced) {
          await announce(followUp, 'followup.planned_end_passed', { plannedEndOn: followUp.plannedEndOn });
          changes.plannedEndAnnounced = true;
          counts.plannedEndPassed += 1;
        }
        const lastReview = followUp.reviewAnnouncedOn ?? followUp.startedOn;
        if (addDays(lastReview, REVIEW_EVERY_DAYS) <= today) {
          await announce(followUp, 'followup.review_due', { since: lastReview });
          changes.reviewAnnouncedOn = today;
          counts.reviewsDue += 1;
        }
        const vacant = seats.get(followUp.id)!.filter((seat) => seat.vacancy);
        for (const seat of vacant.filter(
          (candidate) => !followUp.announcedVacancies.includes(candidate.role),
        )) {
          await announce(followUp, 'followup.team_vacancy', { role: seat.role, reason: seat.vacancy! });
          counts.vacancies += 1;
        }
        const announcedVacancies = vacant.map((seat) => seat.role).sort();
        if (announcedVacancies.join() !== [...followUp.announcedVacancies].sort().join()) {
          changes.announcedVacancies = announcedVacancies;
        }
        if (Object.keys(changes).length) await manager.update(FollowUp, { id: followUp.id }, changes);
      }
    });
  }
  return counts;
}

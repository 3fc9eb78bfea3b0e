import { ProjectionHandlers } from './projection-context';

/** Keeps `report_consents`, `report_derogations` and `report_situations`' closures. */
export const consentHandlers: ProjectionHandlers = (context) => {
  const decided = async (derogationId: string, ground: string, status: string) => {
    await context.manager.query(
      `INSERT INTO report_derogations (territory_id, derogation_id, ground, requested_on, status, decided_on)
       VALUES ($1, $2, $3, $4, $5, $4)
       ON CONFLICT (territory_id, derogation_id) DO UPDATE SET status = EXCLUDED.status, decided_on = EXCLUDED.decided_on`,
      [context.territoryId, derogationId, ground, context.day, status],
    );
  };
  // A new answer supersedes the person's previous one, as the consent context records it.
  const supersede = async (personId: string, consentId: string) => {
    await context.manager.query(
      `UPDATE report_consents SET status = 'SUPERSEDED'
        WHERE territory_id = $1 AND person_id = $2 AND consent_id <> $3 AND status IN ('GIVEN', 'REFUSED')`,
      [context.territoryId, personId, consentId],
    );
  };
  return {
    'consent.given': async ({ subjectId, payload }) => {
      await supersede(subjectId, payload.consentId);
      await context.manager.query(
        `INSERT INTO report_consents (territory_id, consent_id, person_id, status, given_on, expires_on)
       VALUES ($1, $2, $3, 'GIVEN', $4, $5)
       ON CONFLICT (territory_id, consent_id) DO UPDATE SET given_on = EXCLUDED.given_on, expires_on = EXCLUDED.expires_on`,
        [
          context.territoryId,
          payload.consentId,
          subjectId,
          payload.givenOn ?? context.day,
          payload.expiresOn ?? null,
        ],
      );
    },
    'consent.refused': async ({ subjectId, payload }) => {
      await supersede(subjectId, payload.consentId);
      await context.manager.query(
        `INSERT INTO report_consents (territory_id, consent_id, person_id, status, refused_on)
       VALUES ($1, $2, $3, 'REFUSED', $4)
       ON CONFLICT (territory_id, consent_id) DO UPDATE SET status = 'REFUSED', refused_on = EXCLUDED.refused_on`,
        [context.territoryId, payload.consentId, subjectId, context.day],
      );
    },
    'consent.withdrawn': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_consents (territory_id, consent_id, person_id, status, withdrawn_on)
       VALUES ($1, $2, $3, 'WITHDRAWN', $4)
       ON CONFLICT (territory_id, consent_id) DO UPDATE SET status = 'WITHDRAWN', withdrawn_on = EXCLUDED.withdrawn_on`,
        [context.territoryId, payload.consentId, subjectId, context.day],
      );
    },
    'derogation.pending': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_derogations (territory_id, derogation_id, ground, requested_on, status)
       VALUES ($1, $2, $3, $4, 'PENDING')
       ON CONFLICT (territory_id, derogation_id) DO UPDATE SET ground = EXCLUDED.ground`,
        [context.territoryId, subjectId, payload.ground, context.day],
      );
    },
    'derogation.approved': async ({ subjectId, payload }) => decided(subjectId, payload.ground, 'APPROVED'),
    'derogation.rejected': async ({ subjectId, payload }) => decided(subjectId, payload.ground, 'REJECTED'),
    'situation.closed': async ({ subjectId, payload }) => {
      await context.manager.query(
        `INSERT INTO report_situations (territory_id, situation_id, closed_on, closure_reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (territory_id, situation_id) DO UPDATE
         SET closed_on = EXCLUDED.closed_on, closure_reason = EXCLUDED.closure_reason`,
        [context.territoryId, subjectId, context.day, payload.reason],
      );
    },
  };
};

import { WORKING_ROLES } from '@relais/access';
import { Consent, consentInForceSql } from '@relais/consent';
import { EntityManager } from 'typeorm';
import { EmailMode } from './domain/reminder-kind';
import { Reminder } from './entities';

export interface RecipientState {
  /** Still a working member of the territory (and, when told as coordinator, still one). */
  readonly active: boolean;
  /** The person's sharing still reaches the recipient (always, for who is not told through it). */
  readonly sharingHolds: boolean;
  readonly emailMode: EmailMode | null;
}

/**
 * The consent-in-force condition is compiled once, on a stand-in day, so that the statement's
 * text never changes (its plan is reused): the day is a parameter like any other.
 */
const STAND_IN_DAY = '0001-01-01';

interface CompiledStatement {
  readonly sql: string;
  readonly parameters: Record<string, unknown>;
  readonly dayParameters: readonly string[];
}

let compiled: CompiledStatement | undefined;

function recipientsStatement(manager: EntityManager): CompiledStatement {
  if (compiled) return compiled;
  const inForce = consentInForceSql(manager.connection.getMetadata(Consent), 'c', STAND_IN_DAY);
  const dayParameters = Object.keys(inForce.parameters).filter(
    (name) => inForce.parameters[name] === STAND_IN_DAY,
  );
  if (!dayParameters.length) throw new Error('La définition du consentement en vigueur ne lit plus le jour.');
  compiled = {
    parameters: inForce.parameters,
    dayParameters,
    sql: `/* prepared:reminders-recipients */ SELECT
         EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = x.user_id AND m.territory_id = x.territory_id
                   AND m.status = 'ACTIVE'
                   AND m.roles::text[] && CAST(:workingRoles AS text[])
                   -- told as coordinator: only while still one
                   AND (x.through_consent OR 'COORDINATOR' = ANY(m.roles::text[]))) AS active,
         (SELECT p.email_mode FROM notification_preferences p
           WHERE p.user_id = x.user_id AND p.territory_id = x.territory_id) AS email_mode,
         (NOT x.through_consent OR x.person_id IS NULL
           OR EXISTS (SELECT 1 FROM consents c WHERE c.person_id = x.person_id AND ${inForce.sql})
           OR EXISTS (SELECT 1 FROM consent_exceptions d WHERE d.person_id = x.person_id AND d.status = 'APPROVED')
           OR EXISTS (SELECT 1 FROM consents c WHERE c.person_id = x.person_id AND c.superseded_at IS NULL
                        AND c.collected_by_organisation_id = x.organisation_id)
           OR NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = x.person_id)) AS sharing
       FROM unnest(CAST(:userIds AS uuid[]), CAST(:territoryIds AS uuid[]), CAST(:throughConsent AS boolean[]),
                   CAST(:personIds AS uuid[]), CAST(:organisationIds AS uuid[]))
            WITH ORDINALITY AS x(user_id, territory_id, through_consent, person_id, organisation_id, position)
      ORDER BY x.position`,
  };
  return compiled;
}

/**
 * For each reminder, in one statement: is its recipient still entitled (an active working
 * membership; a coordinator-only notice only while coordinator), does the person's sharing still
 * reach them — a consent in force (the one definition, compiled to SQL), an approved derogation,
 * or their organisation collected the consent — and how do they want mail.
 */
export async function recipientStates(
  manager: EntityManager,
  reminders: readonly Reminder[],
  today: string,
): Promise<RecipientState[]> {
  if (!reminders.length) return [];
  const statement = recipientsStatement(manager);
  const day = Object.fromEntries(statement.dayParameters.map((name) => [name, today]));
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    statement.sql,
    {
      ...statement.parameters,
      ...day,
      workingRoles: WORKING_ROLES,
      userIds: reminders.map((reminder) => reminder.recipientUserId ?? null),
      territoryIds: reminders.map((reminder) => reminder.territoryId ?? null),
      throughConsent: reminders.map((reminder) => Boolean(reminder.throughConsent)),
      personIds: reminders.map((reminder) => reminder.personId ?? null),
      organisationIds: reminders.map((reminder) => reminder.recipientOrganisationId ?? null),
    },
    {},
  );
  const rows = (await manager.query(sql, parameters)) as {
    active: boolean;
    email_mode: EmailMode | null;
    sharing: boolean;
  }[];
  return rows.map((row) => ({ active: row.active, sharingHolds: row.sharing, emailMode: row.email_mode }));
}

/**
 * A partner hears of a person only while the person's sharing holds: a consent in force, or an
 * approved derogation. The consent's collector keeps hearing of what it started.
 */
export async function sharingStillHolds(
  manager: EntityManager,
  reminder: Reminder,
  today: string,
): Promise<boolean> {
  const [state] = await recipientStates(manager, [reminder], today);
  return state.sharingHolds;
}

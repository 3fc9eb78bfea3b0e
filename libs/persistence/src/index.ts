import { AUDIT_ENTITIES } from '@relais/audit';
import { AppConfig } from '@relais/config';
import { dataSourceOptions } from '@relais/database';
import { CONSENT_ENTITIES } from '@relais/consent';
import { FOLLOW_UP_ENTITIES } from '@relais/followups';
import { IDENTITY_ENTITIES } from '@relais/identity';
import { MEETING_ENTITIES } from '@relais/meetings';
import { OUTBOX_ENTITIES } from '@relais/outbox';
import { REFERRAL_ENTITIES } from '@relais/referrals';
import { REMINDER_ENTITIES } from '@relais/reminders';
import { REPORTING_ENTITIES } from '@relais/reporting';
import { SITUATION_ENTITIES } from '@relais/situations';
import { DataSource } from 'typeorm';

/**
 * Every context's entities, in one list: the api, the worker and the migration commands all build
 * their data source from it, so `migration:check` compares migrations with the whole model.
 */
export const RELAIS_ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...OUTBOX_ENTITIES,
  ...SITUATION_ENTITIES,
  ...CONSENT_ENTITIES,
  ...REFERRAL_ENTITIES,
  ...MEETING_ENTITIES,
  ...FOLLOW_UP_ENTITIES,
  ...REMINDER_ENTITIES,
  ...REPORTING_ENTITIES,
];

export function createRelaisDataSource(database: AppConfig['database'], applicationName: string): DataSource {
  return new DataSource(dataSourceOptions(database, RELAIS_ENTITIES, applicationName));
}

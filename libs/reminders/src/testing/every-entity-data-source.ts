import { AUDIT_ENTITIES } from '@relais/audit';
import { CONSENT_ENTITIES } from '@relais/consent';
import { dataSourceOptions } from '@relais/database';
import { FOLLOW_UP_ENTITIES } from '@relais/followups';
import { IDENTITY_ENTITIES } from '@relais/identity';
import { MEETING_ENTITIES } from '@relais/meetings';
import { OUTBOX_ENTITIES } from '@relais/outbox';
import { REFERRAL_ENTITIES } from '@relais/referrals';
import { SITUATION_ENTITIES } from '@relais/situations';
import { ownerDatabase } from '@relais/testing';
import { DataSource } from 'typeorm';
import { REMINDER_ENTITIES } from '../entities';

/**
 * The schema owner's connection with every context's entities, for this library's integration
 * tests: `createRelaisDataSource` lives in persistence, which depends on reminders.
 */
export function everyEntityDataSource(name: string): Promise<DataSource> {
  return new DataSource(
    dataSourceOptions(
      ownerDatabase(),
      [
        ...IDENTITY_ENTITIES,
        ...AUDIT_ENTITIES,
        ...OUTBOX_ENTITIES,
        ...SITUATION_ENTITIES,
        ...CONSENT_ENTITIES,
        ...REFERRAL_ENTITIES,
        ...MEETING_ENTITIES,
        ...FOLLOW_UP_ENTITIES,
        ...REMINDER_ENTITIES,
      ],
      name,
    ),
  ).initialize();
}

import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link covers: everything an event says, in a fixed order. */
export interface ChainedFields {
  territoryId: string;
  sequence: string;
  occurredAt: Date;
  actorUserId: string | null;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  dataCategories: readonly string[];
  details: Record<string, unknown>;
}

/** jsonb does not keep key order: keys are sorted so the hash does not depend on storage. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function linkHash(previousHash: string, event: ChainedFields): string {
  const body = JSON.stringify([
    event.territoryId,
    event.sequence,
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.requestId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.personId,
    [...event.dataCategories],
    canonical(event.details),
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(body).digest('hex');
}

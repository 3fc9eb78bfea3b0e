import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChainKey } from '../audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';

/** What a checkpoint attests: at `takenAt`, the territory's chain ended at `sequence` with `headHash`. */
export interface AuditCheckpointFields {
  readonly territoryId: string;
  readonly sequence: string;
  readonly headHash: string;
  readonly takenAt: string;
  readonly keyId: string;
}

export interface AuditCheckpoint extends AuditCheckpointFields {
  /** HMAC-SHA256 of the fields under the key named by `keyId`, hexadecimal. */
  readonly signature: string;
}

export type CheckpointSignature = 'VALID' | 'UNKNOWN_KEY' | 'INVALID';

/** Distinct from a link's input, so a checkpoint's signature can never pass for a link or the reverse. */
const PURPOSE = 'relais-audit-checkpoint-v1';

function signatureOf(key: ChainKey, fields: AuditCheckpointFields): string {
  const body = JSON.stringify([
    PURPOSE,
    fields.territoryId,
    fields.sequence,
    fields.headHash,
    fields.takenAt,
    fields.keyId,
  ]);
  return createHmac('sha256', key.key).update(body).digest('hex');
}

export function signCheckpoint(key: ChainKey, fields: Omit<AuditCheckpointFields, 'keyId'>): AuditCheckpoint {
  const signed = { ...fields, keyId: key.id };
  return { ...signed, signature: signatureOf(key, signed) };
}

export function checkpointSignature(
  keyring: AuditChainKeyring,
  checkpoint: AuditCheckpoint,
): CheckpointSignature {
  const key = keyring.find(checkpoint.keyId);
  if (!key) return 'UNKNOWN_KEY';
  const expected = Buffer.from(signatureOf(key, checkpoint), 'hex');
  const given = Buffer.from(checkpoint.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'VALID' : 'INVALID';
}

const HASH = /^[0-9a-f]{64}$/;
const SEQUENCE = /^[1-9][0-9]{0,18}$/;

/** A checkpoint read back from storage, or undefined when it is not one (anything else is refused). */
export function parseCheckpoint(text: string): AuditCheckpoint | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const fields = ['territoryId', 'sequence', 'headHash', 'takenAt', 'keyId', 'signature'] as const;
  if (!fields.every((field) => typeof record[field] === 'string')) return undefined;
  const checkpoint = Object.fromEntries(
    fields.map((field) => [field, record[field]]),
  ) as unknown as AuditCheckpoint;
  if (!SEQUENCE.test(checkpoint.sequence) || !HASH.test(checkpoint.headHash)) return undefined;
  if (!HASH.test(checkpoint.signature) || Number.isNaN(Date.parse(checkpoint.takenAt))) return undefined;
  return checkpoint;
}

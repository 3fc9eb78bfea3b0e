import { AuditChainKeyring } from './audit-chain-keyring';
import { checkpointSignature, parseCheckpoint, signCheckpoint } from './audit-checkpoint';

const keyA = { id: 'a', secret: Buffer.alloc(32, 1) };
const keyB = { id: 'b', secret: Buffer.alloc(32, 2) };
const fields = {
  territoryId: '3f1c2a9e-0b7d-4c55-8e21-6a4d9b0f1c77',
  sequence: '42',
  headHash: 'ab'.repeat(32),
  takenAt: '2026-03-02T10:00:00.000Z',
};

describe('audit checkpoints', () => {
  it('are signed with the current key and verified with the key their id names, after a rotation too', () => {
    const before = new AuditChainKeyring([keyA]);
    const signed = signCheckpoint(before.current, fields);
    expect(signed).toMatchObject({ ...fields, keyId: 'a' });
    expect(checkpointSignature(before, signed)).toBe('VALID');

    const rotated = new AuditChainKeyring([keyB, keyA]);
    expect(rotated.current.id).toBe('b');
    expect(checkpointSignature(rotated, signed)).toBe('VALID');
    expect(checkpointSignature(new AuditChainKeyring([keyB]), signed)).toBe('UNKNOWN_KEY');
  });

  it('fail when any attested field changes, or when signed with another secret under the same id', () => {
    const keyring = new AuditChainKeyring([keyA]);
    const signed = signCheckpoint(keyring.current, fields);
    for (const change of [
      { sequence: '41' },
      { headHash: 'cd'.repeat(32) },
      { takenAt: '2026-03-02T11:00:00.000Z' },
      { territoryId: '00000000-0b7d-4c55-8e21-6a4d9b0f1c77' },
    ]) {
      expect(checkpointSignature(keyring, { ...signed, ...change })).toBe('INVALID');
    }
    const forged = signCheckpoint(
      new AuditChainKeyring([{ id: 'a', secret: Buffer.alloc(32, 9) }]).current,
      fields,
    );
    expect(checkpointSignature(keyring, forged)).toBe('INVALID');
    expect(checkpointSignature(keyring, { ...signed, signature: 'short' })).toBe('INVALID');
  });

  it('read back only what has the shape of a checkpoint', () => {
    const signed = signCheckpoint(new AuditChainKeyring([keyA]).current, fields);
    expect(parseCheckpoint(JSON.stringify(signed))).toEqual(signed);
    expect(parseCheckpoint('{')).toBeUndefined();
    expect(parseCheckpoint(JSON.stringify({ ...signed, sequence: 42 }))).toBeUndefined();
    expect(parseCheckpoint(JSON.stringify({ ...signed, headHash: 'x' }))).toBeUndefined();
    expect(parseCheckpoint(JSON.stringify({ ...signed, takenAt: 'hier' }))).toBeUndefined();
  });
});

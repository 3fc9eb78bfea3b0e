import { createSecretKey } from 'node:crypto';
import {
  ChainedFields,
  GENESIS_HASH,
  keyedLinkHash,
  legacyLinkHash,
  readLinkHash,
  readSeals,
  sealHash,
} from './audit-chain';

const event: ChainedFields = {
  territoryId: '3f1c2a9e-0b7d-4c55-8e21-6a4d9b0f1c77',
  sequence: '1',
  occurredAt: new Date('2026-03-02T09:30:00.000Z'),
  actorUserId: 'a2b4c6d8-1111-4222-8333-944455556666',
  requestId: 'req-1',
  action: 'ORGANISATION_CREATED',
  subjectType: 'Organisation',
  subjectId: 'b1b2b3b4-2222-4333-8444-955566667777',
  personId: null,
  dataCategories: [],
  details: { kind: 'ASSOCIATION', b: 1, a: [2, { d: 1, c: 2 }] },
};
const keyA = { id: 'k1', key: createSecretKey(Buffer.alloc(32, 7)) };

describe('audit chain links', () => {
  it('keeps the format chains were written in: stored links stay verifiable', () => {
    // Pinned values: a change here would break every chain already written.
    expect(legacyLinkHash(GENESIS_HASH, event)).toBe(
      '8c9a130ce6e532919918dd1a06d6d6e770dfd88037164eea4489355d1c17aa03',
    );
    expect(keyedLinkHash(keyA, GENESIS_HASH, event)).toBe(
      'bc4695283311bcd3ff3d9dbb775246d79c5faf73d99af07a0150841ac12003f1',
    );
  });

  it('cannot be recomputed without the key: another key, or the same secret under another id, differs', () => {
    const keyed = keyedLinkHash(keyA, GENESIS_HASH, event);
    expect(keyed).not.toBe(legacyLinkHash(GENESIS_HASH, event));
    expect(
      keyedLinkHash({ id: 'k1', key: createSecretKey(Buffer.alloc(32, 8)) }, GENESIS_HASH, event),
    ).not.toBe(keyed);
    expect(keyedLinkHash({ id: 'k2', key: keyA.key }, GENESIS_HASH, event)).not.toBe(keyed);
  });

  it('covers every field and the previous link', () => {
    const keyed = keyedLinkHash(keyA, GENESIS_HASH, event);
    const changes: Partial<ChainedFields>[] = [
      { sequence: '2' },
      { occurredAt: new Date('2026-03-02T09:30:00.001Z') },
      { actorUserId: null },
      { requestId: 'req-2' },
      { action: 'USER_CREATED' },
      { subjectType: 'User' },
      { subjectId: null },
      { personId: event.subjectId },
      { dataCategories: ['IDENTITY'] },
      { details: { kind: 'OTHER' } },
    ];
    for (const change of changes)
      expect(keyedLinkHash(keyA, GENESIS_HASH, { ...event, ...change })).not.toBe(keyed);
    expect(keyedLinkHash(keyA, 'f'.repeat(64), event)).not.toBe(keyed);
  });

  it('does not depend on the order jsonb gives the details keys back in', () => {
    const reordered = { ...event, details: { a: [2, { c: 2, d: 1 }], b: 1, kind: 'ASSOCIATION' } };
    expect(keyedLinkHash(keyA, GENESIS_HASH, reordered)).toBe(keyedLinkHash(keyA, GENESIS_HASH, event));
  });
});

describe('the seal of an event not yet chained', () => {
  const waiting = { ...event, sequence: null };
  const id = '0d4e6f80-3333-4444-8555-a66677778888';

  it('covers what the event says and its id, under the key, and does not depend on a place in the chain', () => {
    const seal = sealHash(keyA, id, waiting);
    expect(sealHash(keyA, id, event)).toBe(seal);
    expect(sealHash(keyA, '0d4e6f80-3333-4444-8555-a66677778889', waiting)).not.toBe(seal);
    expect(sealHash(keyA, id, { ...waiting, dataCategories: ['IDENTITY'] })).not.toBe(seal);
    expect(sealHash(keyA, id, { ...waiting, personId: event.subjectId })).not.toBe(seal);
    expect(sealHash({ id: 'k2', key: keyA.key }, id, waiting)).not.toBe(seal);
  });

  it('keeps the format seals were written in: events waiting to be linked stay verifiable', () => {
    // Pinned value: a change here would leave every event written unchained unlinkable.
    expect(sealHash(keyA, id, waiting)).toBe(
      'f8f8c2734723c6d7f4a3069da8e427cd8cc2ff0c047e4fa0a40545bc8b22839c',
    );
  });

  it('never passes for a link', () => {
    expect(sealHash(keyA, id, event)).not.toBe(keyedLinkHash(keyA, GENESIS_HASH, event));
  });
});

describe('the seals of a request’s reads', () => {
  const reads = [
    {
      id: '0d4e6f80-3333-4444-8555-a66677778888',
      territoryId: event.territoryId,
      subjectType: 'Referral',
      subjectId: 'c1c2c3c4-3333-4444-8555-a66677778888',
      personId: 'd1d2d3d4-4444-4555-8666-b77788889999',
      dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'],
    },
    {
      id: '0d4e6f80-3333-4444-8555-a66677778889',
      territoryId: 'e1e2e3e4-5555-4666-8777-c88899990000',
      subjectType: 'Situation « suivie »\n"x"',
      subjectId: 'c1c2c3c4-3333-4444-8555-a66677778889',
      personId: 'd1d2d3d4-4444-4555-8666-b77788889990',
      dataCategories: [],
    },
  ];
  const readers = [
    { actorUserId: event.actorUserId, requestId: 'req-1' },
    { actorUserId: null, requestId: null },
    { actorUserId: event.actorUserId, requestId: 'req "quoted" \\ é' },
  ];

  it('are each the seal of the read written alone, whoever read and whatever the read says', () => {
    for (const reader of readers) {
      const common = { occurredAt: event.occurredAt, action: 'PERSON_DATA_READ', ...reader };
      const alone = reads.map(({ id, ...read }) =>
        sealHash(keyA, id, { ...common, ...read, sequence: null, details: {} }),
      );
      expect(readSeals(keyA, common, reads)).toEqual(alone);
    }
  });
});

describe('the link of a set of reads', () => {
  const seal = sealHash(keyA, '0d4e6f80-3333-4444-8555-a66677778888', { ...event, sequence: null });
  const link = {
    territoryId: event.territoryId,
    sequence: '1',
    reads: [
      { position: '41', seal },
      { position: '43', seal: 'e'.repeat(64) },
    ],
  };

  it('keeps the format read links are written in: stored links stay verifiable', () => {
    // Pinned value: a change here would break every read already linked.
    expect(readLinkHash(keyA, GENESIS_HASH, link)).toBe(
      'aeac058c82e0b419f4dced161f0a848fceced9f8f907435fc94bf6b1c7663229',
    );
  });

  it('covers each read’s position and seal, their order, the link’s place, the previous link and the key', () => {
    const hash = readLinkHash(keyA, GENESIS_HASH, link);
    const [first, second] = link.reads;
    const changes = [
      { reads: [{ ...first, seal: 'd'.repeat(64) }, second] },
      { reads: [{ ...first, position: '42' }, second] },
      { reads: [second, first] },
      { reads: [first] },
      { sequence: '2' },
      { territoryId: event.subjectId! },
    ];
    for (const change of changes)
      expect(readLinkHash(keyA, GENESIS_HASH, { ...link, ...change })).not.toBe(hash);
    expect(readLinkHash(keyA, 'f'.repeat(64), link)).not.toBe(hash);
    expect(readLinkHash({ id: 'k2', key: keyA.key }, GENESIS_HASH, link)).not.toBe(hash);
  });

  it('never passes for an event’s link or seal', () => {
    const hash = readLinkHash(keyA, GENESIS_HASH, link);
    expect(hash).not.toBe(keyedLinkHash(keyA, GENESIS_HASH, event));
    expect(hash).not.toBe(seal);
  });
});

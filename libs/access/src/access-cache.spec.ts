import { parisDate } from '@relais/config';
import { asSubject } from './ability';
import { AccessCache } from './access-cache';
import { LegalBasis } from './domain/legal-basis';
import { Role } from './domain/role';
import { SharingCategory } from './domain/sharing-category';
import { definePolicy } from './policy/policy';
import { ActiveMembership, Principal } from './principal';

const TERRITORY = '6f1e2c3a-1b2c-4d5e-8f90-0a1b2c3d4e5f';
const OTHER_TERRITORY = '7a2f3d4b-2c3d-4e5f-9a01-1b2c3d4e5f60';
const GRANT = { basis: LegalBasis.MEMBERSHIP, explanation: 'Membre du territoire.' };

/** Reads notes in the territories where one coordinates, and tasks due from the request's Paris day. */
const policy = definePolicy({
  name: 'cache-test',
  subjects: { Note: { description: 'note' }, Task: { description: 'tâche' } },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) allow('read', 'Note', { territoryId: { $in: coordinated } }, GRANT);
    allow('read', 'Task', { dueOn: { $gte: parisDate(principal.now) } }, GRANT);
  },
});

const membership = (overrides: Partial<ActiveMembership> = {}): ActiveMembership => ({
  id: 'membership',
  territoryId: TERRITORY,
  roles: [Role.COORDINATOR],
  cellId: null,
  charterAccepted: true,
  ...overrides,
});

function principal(
  memberships: ActiveMembership[] = [membership()],
  now = new Date('2026-03-02T10:00:00Z'),
  requestId = 'request',
): Principal {
  return new Principal(
    'user',
    'session',
    'organisation',
    SharingCategory.SOCIAL_MEDICOSOCIAL,
    memberships,
    requestId,
    'OTHER',
    now,
  );
}

const note = (territoryId: string) => asSubject('Note', { territoryId });

describe('the access cache', () => {
  it('shares one ability between the requests of one person whose rules are the same', () => {
    const cache = new AccessCache(() => [policy]);
    const first = cache.of(principal(undefined, undefined, 'first'));
    const second = cache.of(principal(undefined, new Date('2026-03-02T18:00:00Z'), 'second'));
    expect(second).toBe(first);
    expect(cache.entries).toBe(1);
  });

  it('collects the rules once for the requests of a person, whatever their session, request or hour of the day', () => {
    let collected = 0;
    const counting = {
      ...policy,
      define: (...args: Parameters<typeof policy.define>) => {
        collected += 1;
        policy.define(...args);
      },
    };
    const cache = new AccessCache(() => [counting]);
    const first = cache.of(principal(undefined, new Date('2026-03-02T07:00:00Z'), 'first'));
    const again = new Principal(
      'user',
      'another session',
      'organisation',
      SharingCategory.SOCIAL_MEDICOSOCIAL,
      [membership()],
      'another request',
      'OTHER',
      new Date('2026-03-02T21:00:00Z'),
    );
    expect(cache.of(again)).toBe(first);
    expect(collected).toBe(1);
    // Another organisation kind may be named by consents: other rules are collected.
    const otherKind = new Principal(
      'user',
      's',
      'organisation',
      SharingCategory.SOCIAL_MEDICOSOCIAL,
      [membership()],
      'r',
      'CMP',
      again.now,
    );
    cache.of(otherKind);
    expect(collected).toBe(2);
  });

  it('gives policies the Paris day of the request at noon, not the hour asked', () => {
    const seen: Date[] = [];
    const watching = {
      ...policy,
      define: (...args: Parameters<typeof policy.define>) => {
        seen.push(args[0].now);
        policy.define(...args);
      },
    };
    new AccessCache(() => [watching]).of(principal(undefined, new Date('2026-07-14T22:30:00Z')));
    // 22:30 UTC on 14 July is 00:30 on the 15th in Paris.
    expect(parisDate(seen[0])).toBe('2026-07-15');
    expect(seen[0].toISOString()).toBe('2026-07-15T11:00:00.000Z');
  });

  it('builds again when a membership changes, so a role taken away stops granting on the next request', () => {
    const cache = new AccessCache(() => [policy]);
    expect(cache.of(principal()).ability.can('read', note(TERRITORY))).toBe(true);
    const withdrawn = cache.of(principal([membership({ roles: [Role.REFERRER] })]));
    expect(withdrawn.ability.can('read', note(TERRITORY))).toBe(false);
    const moved = cache.of(principal([membership({ territoryId: OTHER_TERRITORY })]));
    expect(moved.ability.can('read', note(TERRITORY))).toBe(false);
    expect(moved.ability.can('read', note(OTHER_TERRITORY))).toBe(true);
    const pending = cache.of(principal([membership({ charterAccepted: false })]));
    expect(pending.ability.can('read', note(TERRITORY))).toBe(false);
    // The same rules as without the role: one entry for both.
    expect(pending).toBe(withdrawn);
    expect(cache.entries).toBe(3);
  });

  it('builds again on a new Paris day, for the rules that compare with it', () => {
    const cache = new AccessCache(() => [policy]);
    const task = asSubject('Task', { dueOn: '2026-03-02' });
    expect(cache.of(principal(undefined, new Date('2026-03-02T22:30:00Z'))).ability.can('read', task)).toBe(
      true,
    );
    // 23:30 UTC is already 3 March in Paris.
    const nextDay = cache.of(principal(undefined, new Date('2026-03-02T23:30:00Z')));
    expect(nextDay.ability.can('read', task)).toBe(false);
    expect(cache.entries).toBe(2);
  });

  it('keeps a bounded number of rule sets, dropping the least recently used', () => {
    const cache = new AccessCache(() => [policy], 2);
    const territories = ['a', 'b', 'c'];
    const of = (territoryId: string) => cache.of(principal([membership({ territoryId })]));
    const a = of(territories[0]);
    const b = of(territories[1]);
    expect(of(territories[0])).toBe(a);
    of(territories[2]);
    expect(cache.entries).toBe(2);
    expect(of(territories[0])).toBe(a);
    expect(of(territories[1])).not.toBe(b);
  });
});

import { ArgumentsHost, Logger } from '@nestjs/common';
import { AccessException } from '../access.exception';
import { SharingCategory } from '../domain/sharing-category';
import { Role } from '../domain/role';
import { Principal } from '../principal';
import { AccessRefusal } from './access-refusal';
import { AccessRefusalReporter } from './access-refusal.reporter';

const HOME = '11111111-1111-4111-8111-111111111111';
const SECOND = '22222222-2222-4222-8222-222222222222';
const FOREIGN = '33333333-3333-4333-8333-333333333333';
const ROW = '44444444-4444-4444-8444-444444444444';

function principal(charterAccepted: Record<string, boolean> = { [HOME]: true, [SECOND]: true }): Principal {
  return new Principal(
    'user-1',
    'session-1',
    'organisation-1',
    SharingCategory.NOT_LISTED,
    [HOME, SECOND].map((territoryId) => ({
      id: `membership-${territoryId}`,
      territoryId,
      roles: [Role.REFERRER],
      cellId: null,
      charterAccepted: charterAccepted[territoryId],
    })),
    'request-1',
  );
}

/** A plain HTTP call, as an exception filter is handed it. */
function httpCall(caller: Principal, method = 'POST') {
  const request = { principal: caller, method, routeOptions: { url: '/documents/:id' } };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ArgumentsHost;
}

describe('AccessRefusalReporter', () => {
  let recorded: AccessRefusal[];
  let reporter: AccessRefusalReporter;

  beforeEach(() => {
    recorded = [];
    reporter = new AccessRefusalReporter({
      refused: async (refusal) => {
        recorded.push(refusal);
      },
    });
  });

  it('records a not-found only when it names an existing row, in that row’s territory', async () => {
    await reporter.report(httpCall(principal(), 'GET'), new AccessException('NOT_FOUND'));
    expect(recorded).toEqual([]);

    const existing = new AccessException('NOT_FOUND', {
      subjectType: 'Situation',
      subjectId: ROW,
      territoryId: SECOND,
      action: 'read',
    });
    await reporter.report(httpCall(principal(), 'GET'), existing);
    expect(recorded).toEqual([
      {
        kind: 'ACCESS',
        answer: 'NOT_FOUND',
        territoryId: SECOND,
        actorUserId: 'user-1',
        requestId: 'request-1',
        subjectType: 'Situation',
        subjectId: ROW,
        action: 'read',
        operation: 'GET /documents/:id',
      },
    ]);
  });

  it('tells a refused change from a refused read, and names the operation’s subject when the service did not', async () => {
    // As the ability guard does for a handler that declares `@Allow('create', 'Referral')`.
    const guarded = (call: ArgumentsHost) => {
      reporter.remember(call, { action: 'create', subject: 'Referral' });
      return call;
    };
    await reporter.report(guarded(httpCall(principal(), 'POST')), new AccessException('FORBIDDEN'));
    await reporter.report(guarded(httpCall(principal(), 'GET')), new AccessException('FORBIDDEN'));
    await reporter.report(httpCall(principal(), 'GET'), new AccessException('FORBIDDEN'));
    expect(recorded.map(({ kind, subjectType, action }) => ({ kind, subjectType, action }))).toEqual([
      { kind: 'MUTATION', subjectType: 'Referral', action: 'create' },
      { kind: 'ACCESS', subjectType: 'Referral', action: 'create' },
      { kind: 'ACCESS', subjectType: 'Unknown', action: 'unknown' },
    ]);
  });

  it('keeps the record in the caller’s own territories, whatever territory the request named', async () => {
    const typed = new AccessException('FORBIDDEN', {
      subjectType: 'Referral',
      territoryId: FOREIGN,
      action: 'create',
    });
    await reporter.report(httpCall(principal()), typed);
    expect(recorded[0].territoryId).toBe(HOME);
  });

  it('records a charter refusal in the territory whose charter is pending', async () => {
    await reporter.report(
      httpCall(principal({ [HOME]: true, [SECOND]: false })),
      new AccessException('CHARTER_NOT_ACCEPTED'),
    );
    expect(recorded).toMatchObject([{ kind: 'CHARTER', answer: 'CHARTER_REQUIRED', territoryId: SECOND }]);
  });

  it('records one refusal per request, and nothing for other errors or anonymous callers', async () => {
    const call = httpCall(principal());
    await Promise.all([
      reporter.report(call, new AccessException('FORBIDDEN')),
      reporter.report(call, new AccessException('FORBIDDEN')),
    ]);
    await reporter.report(httpCall(principal()), new Error('autre chose'));
    const anonymous = httpCall(principal());
    delete (anonymous.switchToHttp().getRequest() as { principal?: Principal }).principal;
    await reporter.report(anonymous, new AccessException('FORBIDDEN'));
    expect(recorded).toHaveLength(1);
  });

  it('makes a second refusal of the same request wait for the first one’s record', async () => {
    let release!: () => void;
    const listener = { refused: jest.fn(() => new Promise<void>((resolve) => (release = resolve))) };
    const waiting = new AccessRefusalReporter(listener);
    const call = httpCall(principal());
    const first = waiting.report(call, new AccessException('FORBIDDEN'));
    let secondDone = false;
    const second = waiting.report(call, new AccessException('FORBIDDEN')).then(() => {
      secondDone = true;
    });
    await new Promise(setImmediate);
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(secondDone).toBe(true);
    expect(listener.refused).toHaveBeenCalledTimes(1);
  });

  it('never fails the request when recording fails, and says so in the log', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failing = new AccessRefusalReporter({
      refused: () => Promise.reject(new Error('base indisponible')),
    });
    await expect(failing.report(httpCall(principal()), new AccessException('FORBIDDEN'))).resolves.toBe(
      undefined,
    );
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ msg: 'Refus non enregistré' }));
    logged.mockRestore();
  });
});

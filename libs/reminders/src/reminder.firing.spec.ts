import { MailStatus } from './domain/reminder-kind';
import { MailQueue } from './mail/mail.queue';
import { BatchFiring, FireOutcome, ReminderDispatcher } from './reminder.dispatcher';
import { ReminderFiring } from './reminder.firing';
import { ReminderQueue } from './reminder.queue';

const sent = (id: string): FireOutcome => ({
  outcome: 'SENT',
  territoryId: 't',
  notificationId: `n-${id}`,
  mail: MailStatus.NONE,
  next: [],
});

/** A dispatcher whose batches each take the reminders asked for and the ones listed as due. */
function dispatcherFiring(due: string[][]) {
  const calls: string[][] = [];
  const dispatcher = {
    fireBatch: jest.fn(
      async (
        asked: readonly string[],
        _size: number,
        onClaimed?: (ids: readonly string[]) => void,
      ): Promise<BatchFiring> => {
        calls.push([...asked]);
        const found = due.shift() ?? [];
        onClaimed?.([...asked, ...found]);
        await new Promise((done) => setTimeout(done, 5));
        const outcomes = new Map([...asked, ...found].map((id) => [id, sent(id)]));
        return { outcomes, full: false, found: found.length, mails: [], next: [] };
      },
    ),
  };
  const queue = { enqueue: jest.fn(async () => undefined) };
  const firing = new ReminderFiring(
    dispatcher as unknown as ReminderDispatcher,
    queue as unknown as ReminderQueue,
    queue as unknown as MailQueue,
  );
  return { firing, calls, dispatcher };
}

describe('ReminderFiring', () => {
  it('answers the jobs of reminders an earlier batch found due, without another batch', async () => {
    const { firing, calls } = dispatcherFiring([['b', 'c']]);

    expect(await firing.fire('a')).toMatchObject({ outcome: 'SENT', notificationId: 'n-a' });
    expect(await firing.fire('b')).toMatchObject({ outcome: 'SENT', notificationId: 'n-b' });
    expect(await firing.fire('c')).toMatchObject({ outcome: 'SENT', notificationId: 'n-c' });

    // No batch asked for 'b' or 'c'; the second, run because the first found some, found none.
    expect(calls).toEqual([['a'], []]);
  });

  it('keeps firing while its batches find reminders due before their jobs, then stops', async () => {
    const { firing, calls } = dispatcherFiring([['b', 'c'], ['d'], []]);

    expect(await firing.fire('a')).toMatchObject({ outcome: 'SENT', notificationId: 'n-a' });
    // 'd' fell due after the first batch: the next one, run at once, took it before its job came.
    expect(await firing.fire('d')).toMatchObject({ outcome: 'SENT', notificationId: 'n-d' });
    await new Promise((done) => setTimeout(done, 50));

    // The third found nothing due: no fourth.
    expect(calls).toEqual([['a'], [], []]);
  });

  it('gathers the jobs that come while a batch runs into the next one', async () => {
    const { firing, calls } = dispatcherFiring([]);

    const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => firing.fire(id)));

    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['SENT', 'SENT', 'SENT', 'SENT', 'SENT']);
    // Two lanes at once; the three that came while both ran go together into the next batch.
    expect(calls).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
  });

  it('fails the jobs of a batch that could not commit; their next try fires them', async () => {
    const { firing, dispatcher } = dispatcherFiring([]);
    const broken = new Error('connexion perdue');
    dispatcher.fireBatch.mockRejectedValueOnce(broken);

    await expect(firing.fire('a')).rejects.toBe(broken);
    expect(await firing.fire('a')).toMatchObject({ outcome: 'SENT' });
  });
});

import { EarlierEventPendingError } from '@relais/outbox';
import { jobFailureLine } from './job-failure';

describe('jobFailureLine', () => {
  const waiting = new EarlierEventPendingError('7d0c6a52-5d8e-4b7e-9a43-6f1f0e0c2b11');

  it('says an ordered event waiting for an earlier one at the log level while attempts remain', () => {
    expect(jobFailureLine(waiting, { made: 1, allowed: 10 })).toEqual({
      level: 'log',
      message: 'Tâche reportée : un événement antérieur du même sujet attend encore',
    });
  });

  it('warns when that wait used the last attempt', () => {
    expect(jobFailureLine(waiting, { made: 10, allowed: 10 })).toEqual({
      level: 'warn',
      message: 'Tâche en échec',
    });
    expect(jobFailureLine(waiting, { made: 1, allowed: undefined }).level).toBe('warn');
  });

  it('warns for any other failure, even with attempts left', () => {
    expect(jobFailureLine(new Error('connexion perdue'), { made: 1, allowed: 10 }).level).toBe('warn');
  });
});

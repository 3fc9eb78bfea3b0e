import { SECURITY_ACTION_PREFIX, SECURITY_EVENT_KINDS } from './security-event';

describe('security event kinds', () => {
  it('all start with the prefix the partial index and the auditor’s filter are keyed on', () => {
    for (const kind of SECURITY_EVENT_KINDS) expect(kind.startsWith(SECURITY_ACTION_PREFIX)).toBe(true);
  });
});

import { EntityManager } from 'typeorm';
import { writeOutbox } from './outbox';
import {
  CatalogueEvent,
  dispatchOutboxEvent,
  OUTBOX_EVENT_SUBJECTS,
  OutboxMessage,
  readOutboxEvent,
} from './outbox-catalogue';
import { OutboxEvent } from './outbox-event.entity';

function stored(type: string, payload: Record<string, unknown>): OutboxEvent {
  return Object.assign(new OutboxEvent(), {
    id: '00000000-0000-4000-8000-000000000001',
    sequence: '1',
    territoryId: '00000000-0000-4000-8000-000000000002',
    type,
    subjectType: 'FollowUp',
    subjectId: '00000000-0000-4000-8000-000000000003',
    payload,
    occurredAt: new Date('2026-03-02T09:00:00Z'),
    publishedAt: null,
  });
}

describe('outbox catalogue', () => {
  it('reads a known event with its payload type, and leaves an unknown one unread', () => {
    const event = readOutboxEvent(stored('followup.act_recorded', { atHome: true, actType: 'HOME_VISIT' }));
    expect(event?.type).toBe('followup.act_recorded');
    if (event?.type === 'followup.act_recorded') {
      // Narrowed on the type: `atHome` is a boolean here, no cast.
      const atHome: boolean = event.payload.atHome;
      expect(atHome).toBe(true);
    }
    expect(readOutboxEvent(stored('followup.dreamt_up', {}))).toBeNull();
  });

  it('calls the handler of the event type only', () => {
    const event = readOutboxEvent(stored('followup.ended', { housedAtEnd: false }))!;
    const seen: string[] = [];
    const result = dispatchOutboxEvent(event, {
      'followup.ended': (ended) => {
        seen.push(`ended, housed: ${String(ended.payload.housedAtEnd)}`);
        return 1;
      },
      'followup.started': () => {
        seen.push('started');
        return 2;
      },
    });
    expect(result).toBe(1);
    expect(seen).toEqual(['ended, housed: false']);
    expect(dispatchOutboxEvent(event, {})).toBeUndefined();
  });

  it('names a subject type for every event type, the ones with a subject of their own apart', () => {
    expect(OUTBOX_EVENT_SUBJECTS['followup.act_recorded']).toBe('FollowUp');
    expect(OUTBOX_EVENT_SUBJECTS['meeting.item_examined']).toBe('Meeting');
    expect(OUTBOX_EVENT_SUBJECTS['charter.accepted']).toBe('Membership');
    for (const [type, subject] of Object.entries(OUTBOX_EVENT_SUBJECTS)) {
      expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(subject).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });
});

/** Compiled, never run: `tsc` fails if a producer could write what its consumers do not expect. */
export async function producersCannotDrift(manager: EntityManager): Promise<void> {
  const base = { territoryId: 't', subject: { type: 'FollowUp' as const, id: 'f' }, occurredAt: new Date() };
  const facts = { situationId: 's', personId: 'p' };
  await writeOutbox(manager, { ...base, type: 'followup.ended', payload: { ...facts, housedAtEnd: null } });
  // @ts-expect-error a payload missing a field of its type
  await writeOutbox(manager, { ...base, type: 'followup.ended', payload: { ...facts } });
  // @ts-expect-error another event type's payload
  await writeOutbox(manager, { ...base, type: 'followup.ended', payload: { ...facts, plannedEndOn: 'x' } });
  const aMeeting = { type: 'Meeting' as const, id: 'm' };
  const ended = { type: 'followup.ended' as const, payload: { ...facts, housedAtEnd: true } };
  // @ts-expect-error a subject of the wrong type
  await writeOutbox(manager, { ...base, ...ended, subject: aMeeting });
  // @ts-expect-error a type the catalogue does not know
  const unknown: OutboxMessage = { ...base, type: 'followup.dreamt_up', payload: {} };
  const event = {} as CatalogueEvent;
  if (event.type === 'handoff.answered') {
    // @ts-expect-error a handoff's payload has no act type
    void event.payload.actType;
  }
  void unknown;
}

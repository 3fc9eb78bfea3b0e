import { describe, expect, it } from '@jest/globals';
import { actInput, newVisit, parseMinutes } from './visit-values';

describe('the visit form’s answers', () => {
  it('starts at home, today, with the reader present', () => {
    expect(newVisit('2026-12-03', 'me')).toEqual({
      place: 'HOME',
      otherType: '',
      day: '03/12/2026',
      duration: '',
      presentUserIds: ['me'],
      note: '',
      healthOnly: false,
    });
  });

  it('reads durations as people type them', () => {
    expect(['45', '45 min', '1h30', '1 h 30', '2h', '90mn'].map(parseMinutes)).toEqual([
      45, 45, 90, 90, 120, 90,
    ]);
    expect(parseMinutes('')).toBeUndefined();
    expect(parseMinutes('une heure')).toBeUndefined();
  });

  it('records a visit at home as a home visit, and elsewhere as the kind chosen', () => {
    const visit = { ...newVisit('2026-12-03', 'nurse'), duration: '1 h', note: '  Reprise évoquée. ' };
    expect(actInput('f', visit, false)).toEqual({
      followUpId: 'f',
      type: 'HOME_VISIT',
      occurredOn: '2026-12-03',
      durationMinutes: 60,
      presentUserIds: ['nurse'],
      note: 'Reprise évoquée.',
      noteVisibility: 'TEAM',
    });
    expect(actInput('f', { ...visit, place: 'ELSEWHERE', otherType: 'PHONE' }, false).type).toBe('PHONE');
  });

  it('makes a note health-only only when a health professional asked for it', () => {
    const visit = { ...newVisit('2026-12-03', 'me'), duration: '30', healthOnly: true };
    expect(actInput('f', visit, true).noteVisibility).toBe('HEALTH');
    expect(actInput('f', visit, false).noteVisibility).toBe('TEAM');
    expect(actInput('f', { ...visit, healthOnly: false }, true).noteVisibility).toBe('TEAM');
  });
});

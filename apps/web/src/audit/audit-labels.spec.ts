import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ACTION_OPTIONS, actionLabel, detailLines, subjectTypeLabel } from './audit-labels';
import { chainProblem } from './chain-labels';

describe('the journal in French words', () => {
  it('names known codes and shows unknown ones as the api sent them', () => {
    expect(actionLabel('SECURITY_LOGIN_FAILED')).toBe('Connexion échouée');
    expect(actionLabel('SOMETHING_NEW_HAPPENED')).toBe('SOMETHING_NEW_HAPPENED');
    expect(subjectTypeLabel('Referral')).toBe('Saisine');
    expect(subjectTypeLabel('Gadget')).toBe('Gadget');
    expect(chainProblem('KEY_MISMATCH').title).toBe('Maillon sans clé là où une clé était attendue');
    expect(chainProblem('NEW_PROBLEM').title).toBe('NEW_PROBLEM');
  });

  it('names every move of a referral and of a meeting, journalled as REFERRAL_ or MEETING_ and the new status', () => {
    const schema = readFileSync(resolve(__dirname, '../../../../schema.graphql'), 'utf8');
    const valuesOf = (name: string) =>
      [
        ...(new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? '').matchAll(/^ {2}([A-Z_]+)$/gm),
      ].map((match) => match[1]);
    const codes = [
      ...valuesOf('ReferralStatus').map((status) => `REFERRAL_${status}`),
      ...valuesOf('MeetingStatus').map((status) => `MEETING_${status}`),
    ];
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => actionLabel(code) === code)).toEqual([]);
  });

  it('offers each action once to filter on, by its French name', () => {
    const labels = ACTION_OPTIONS.map((option) => option.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('reads the details as « clé : valeur », whatever they hold', () => {
    expect(detailLines('{"reason":"WRONG_PASSWORD","failureCount":2,"roles":["AUDITOR"]}')).toEqual([
      'reason : WRONG_PASSWORD',
      'failureCount : 2',
      'roles : ["AUDITOR"]',
    ]);
    expect(detailLines('{}')).toEqual([]);
    expect(detailLines('pas du JSON')).toEqual(['pas du JSON']);
  });
});

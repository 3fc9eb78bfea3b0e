import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { professionLabel, roleLabel } from './role-labels';

/** The values of one enum of the committed schema, read from its text. */
function enumValues(name: string): string[] {
  const schema = readFileSync(join(__dirname, '../../../../schema.graphql'), 'utf8');
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

describe('role and profession labels', () => {
  it('names every role of the schema in French, with what it does', () => {
    const roles = enumValues('Role');
    expect(roles).toContain('REFERRER');
    for (const role of roles) {
      const { label, description } = roleLabel(role);
      expect(label).not.toBe(role);
      expect(description).not.toBe('');
    }
    expect(roleLabel('REFERRER').label).toBe('Auteur·rice de saisines');
    expect(roleLabel('COORDINATOR').label).toBe('Coordination du CLSM');
  });

  it('names every profession of the schema in French', () => {
    const professions = enumValues('Profession');
    expect(professions).toContain('HOUSING_OFFICER');
    for (const profession of professions) expect(professionLabel(profession)).not.toBe(profession);
    expect(professionLabel('FAMILY_SOCIAL_WORKER')).toMatch(/TISF/);
  });

  it('shows a value it does not know as sent rather than hiding it', () => {
    expect(roleLabel('NEW_ROLE')).toEqual({ label: 'NEW_ROLE', description: '' });
    expect(professionLabel('NEW_PROFESSION')).toBe('NEW_PROFESSION');
  });
});

import { passwordProblems } from './password-policy';

const person = { email: 'camille.durand@ccas.example', lastName: 'Durand' };

describe('passwordProblems', () => {
  it('accepts a long mixed password', () => {
    expect(passwordProblems('Ciel-bleu-sur-la-Lys-42', person)).toEqual([]);
  });
  it('refuses a short one', () => {
    expect(passwordProblems('Ab1!ab1!', person)[0]).toContain('au moins 12 caractères');
  });
  it('refuses a password without every kind of character', () => {
    expect(passwordProblems('toutenminusculesetlong', person)).toHaveLength(1);
  });
  it('refuses a password that contains the name or the e-mail', () => {
    expect(passwordProblems('Durand-2026-Printemps!', person).join()).toContain('ni votre nom');
    expect(passwordProblems('camille.durand-2026-A!', person).join()).toContain('ni votre nom');
  });
});

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-territory';
import { TEST_PASSWORD } from '../testing/identity.factories';
import { isFrequentPassword, PASSWORD_MESSAGES, passwordProblems } from './password-policy';

const camille = { email: 'camille.durand@ccas.example', firstName: 'Camille', lastName: 'Durand' };

describe('passwordProblems', () => {
  it.each([
    'un cheval brun mange des pommes vertes',
    'correct horse battery staple in paris',
    'toutenminusculesetlong',
    'Ciel-bleu-sur-la-Lys-42',
    'マルセイユの青い海と白い船',
    '🌻🌻 tournesols au bord du canal 🌻🌻',
  ])('accepts %s: any character, no composition rule', (password) => {
    expect(passwordProblems(password, camille)).toEqual([]);
  });

  it.each([
    'Azerty123456!',
    'Motdepasse123!',
    'Password123!',
    'P@ssw0rd2024!!',
    '@zerty123456',
    'mot de passe 2024',
    'Soleil-2024-!!!',
    'doudou123456',
    'MARSEILLE13013!',
    'soleilsoleil',
    'azertyuiop123',
    '123456789012',
    'abcdefghijklm',
    'abababababab',
    'Relais2026!!!!',
  ])('refuses %s, a frequent password in its usual dress', (password) => {
    expect(passwordProblems(password, camille)).toEqual([PASSWORD_MESSAGES.frequent]);
  });

  it('counts characters, not bytes or UTF-16 units, after NFC', () => {
    // Twelve characters, each an emoji (two UTF-16 units) or a decomposed accent (two code points).
    expect(passwordProblems('🌻🌼🌷🌹🌺🍀🌵🌴🌳🌲🍁🍂', camille)).toEqual([]);
    expect(passwordProblems('e\u0301te\u0301 a\u0300 Lyon!', camille)).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordProblems('x'.repeat(6) + 'y'.repeat(5), camille)).toContain(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblems('un mot '.repeat(19), camille)).toContain(PASSWORD_MESSAGES.tooLong);
    expect(passwordProblems('un cheval '.repeat(11) + 'brun mange', camille)).toEqual([]);
  });

  it('refuses a password built on the first name, the last name or the address', () => {
    for (const password of ['Durand-Printemps-Lys', 'camille et les oiseaux', 'ma cle camille.durand']) {
      expect(passwordProblems(password, camille)).toEqual([PASSWORD_MESSAGES.personal]);
    }
    expect(passwordProblems('Hélène-sur-la-Lys-42', { ...camille, firstName: 'Helene' })).toEqual([
      PASSWORD_MESSAGES.personal,
    ]);
    // Two letters are too few to be a name worth refusing.
    expect(passwordProblems('Ciel-bleu-sur-la-Lys-42', { ...camille, lastName: 'Ly' })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('Durand', camille)).toEqual([
      PASSWORD_MESSAGES.tooShort,
      PASSWORD_MESSAGES.frequent,
      PASSWORD_MESSAGES.personal,
    ]);
  });

  it('lets the demo and test passwords through', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(passwordProblems(DEMO_PASSWORD, account)).toEqual([]);
    }
    expect(isFrequentPassword(TEST_PASSWORD)).toBe(false);
  });
});

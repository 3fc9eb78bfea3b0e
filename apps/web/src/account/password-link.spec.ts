import { describe, expect, it } from '@jest/globals';
import type { ShownError } from '../graphql/errors';
import { fieldMessages, readSetPasswordToken } from './password-link';

describe('readSetPasswordToken', () => {
  it('reads the token the api puts after #jeton=', () => {
    expect(readSetPasswordToken('#jeton=Zq3-x_9AbC')).toBe('Zq3-x_9AbC');
  });

  it('finds nothing in an empty, cut or foreign fragment', () => {
    expect(readSetPasswordToken('')).toBeUndefined();
    expect(readSetPasswordToken('#')).toBeUndefined();
    expect(readSetPasswordToken('#jeton=')).toBeUndefined();
    expect(readSetPasswordToken('#contenu')).toBeUndefined();
  });
});

describe('fieldMessages', () => {
  const refusal = (fields: unknown): ShownError => ({
    code: 'BAD_USER_INPUT',
    message: 'Certaines informations saisies ne sont pas valides.',
    fields: {},
    extensions: { code: 'BAD_USER_INPUT', fields },
  });

  it('keeps every message given for the field, once each', () => {
    const error = refusal([
      { field: 'input.newPassword', message: 'Trop court.' },
      { field: 'newPassword', message: 'Contient votre nom.' },
      { field: 'newPassword', message: 'Contient votre nom.' },
      { field: 'token', message: 'Lien expiré.' },
    ]);
    expect(fieldMessages(error, 'newPassword')).toEqual(['Trop court.', 'Contient votre nom.']);
    expect(fieldMessages(error, 'currentPassword')).toEqual([]);
  });

  it('falls back on the one message per field when the list is absent', () => {
    const error = { ...refusal(undefined), fields: { code: 'Ce code n’est pas valide.' } };
    expect(fieldMessages(error, 'code')).toEqual(['Ce code n’est pas valide.']);
  });
});

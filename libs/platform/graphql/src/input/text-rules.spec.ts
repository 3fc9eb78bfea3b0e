import { cleanText, TEXT_MESSAGES, TextKind } from './text-rules';

describe('cleanText', () => {
  it('composes, trims and keeps a plain line', () => {
    // « é » written as e + combining acute accent becomes the single composed character.
    expect(cleanText('  Rene\u0301 Dupont ', TextKind.SINGLE_LINE)).toEqual({
      ok: true,
      value: 'René Dupont',
    });
  });

  it('refuses a NUL byte, an escape, DEL, a C1 control and a bidirectional override anywhere', () => {
    for (const raw of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'facture\u202Efdp.exe', 'a\u2028b']) {
      expect(cleanText(raw, TextKind.SINGLE_LINE)).toEqual({ ok: false, message: TEXT_MESSAGES.control });
      expect(cleanText(raw, TextKind.MULTILINE)).toEqual({ ok: false, message: TEXT_MESSAGES.control });
    }
  });

  it('refuses line breaks and tabs on one line, and says so', () => {
    for (const raw of ['a\nb', 'a\tb', 'a\r\nb', 'a\rb']) {
      expect(cleanText(raw, TextKind.SINGLE_LINE)).toEqual({ ok: false, message: TEXT_MESSAGES.singleLine });
    }
  });

  it('keeps line breaks and tabs in a multi-line text, CRLF and CR read as one line break', () => {
    expect(cleanText('Motif :\r\n\t- un\r- deux\n', TextKind.MULTILINE)).toEqual({
      ok: true,
      value: 'Motif :\n\t- un\n- deux',
    });
  });

  it('refuses a lone surrogate, which could not be stored as UTF-8', () => {
    expect(cleanText('a\uD800b', TextKind.MULTILINE)).toEqual({
      ok: false,
      message: TEXT_MESSAGES.malformed,
    });
    expect(cleanText('emoji 😀', TextKind.SINGLE_LINE)).toEqual({ ok: true, value: 'emoji 😀' });
  });

  it('never trims a secret, composes it, and refuses its control characters', () => {
    expect(cleanText('  mot de passe\u0301  ', TextKind.SECRET)).toEqual({
      ok: true,
      value: '  mot de pass\u00e9  ',
    });
    expect(cleanText('secret\u0000', TextKind.SECRET)).toEqual({ ok: false, message: TEXT_MESSAGES.control });
    expect(cleanText('secret\t', TextKind.SECRET)).toEqual({ ok: false, message: TEXT_MESSAGES.control });
  });
});

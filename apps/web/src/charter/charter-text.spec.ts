import { describe, expect, it } from '@jest/globals';
import { charterKindLabel, charterParagraphs } from './charter-text';

describe('charterParagraphs', () => {
  it('parts paragraphs at blank lines and keeps single line breaks inside one', () => {
    expect(
      charterParagraphs(
        'Article 1\nLe secret partagé.\r\n\r\n  Article 2  \n\n\n\nL’information strictement nécessaire.\n',
      ),
    ).toEqual(['Article 1\nLe secret partagé.', 'Article 2', 'L’information strictement nécessaire.']);
  });

  it('gives nothing for an empty text', () => {
    expect(charterParagraphs(' \n\n ')).toEqual([]);
  });
});

describe('charterKindLabel', () => {
  it('names both kinds in French and shows an unknown one as sent', () => {
    expect(charterKindLabel('CONFIDENTIALITY')).toBe('Charte de confidentialité');
    expect(charterKindLabel('RULES')).toBe('Règlement intérieur de la cellule');
    expect(charterKindLabel('OTHER')).toBe('OTHER');
  });
});

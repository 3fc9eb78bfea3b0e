import { describe, expect, it } from '@jest/globals';
import { receiptBlocks } from './receipt-blocks';

describe('the receipt laid out', () => {
  it('keeps every word in order: the title, paragraphs, and the bullet lines as lists', () => {
    const receipt = [
      'Récépissé de consentement — CLSM de Lille',
      '',
      'Situation : ABC-123',
      'Personne : Élise Dupont',
      '',
      'Vous avez accepté que votre situation soit partagée :',
      '  • pour : examen de votre situation par la cellule',
      '  • avec : la cellule de situations complexes du CLSM',
      'Cet accord vaut jusqu’au 3 décembre 2027.',
      '',
      'Vous pouvez retirer votre accord à tout moment, auprès du professionnel qui l’a recueilli ou de la',
      'coordination du CLSM : le partage cesse aussitôt.',
    ].join('\n');
    expect(receiptBlocks(receipt)).toEqual({
      title: 'Récépissé de consentement — CLSM de Lille',
      blocks: [
        { kind: 'paragraph', lines: ['Situation : ABC-123', 'Personne : Élise Dupont'] },
        { kind: 'paragraph', lines: ['Vous avez accepté que votre situation soit partagée :'] },
        {
          kind: 'list',
          items: [
            'pour : examen de votre situation par la cellule',
            'avec : la cellule de situations complexes du CLSM',
          ],
        },
        { kind: 'paragraph', lines: ['Cet accord vaut jusqu’au 3 décembre 2027.'] },
        {
          kind: 'paragraph',
          lines: [
            'Vous pouvez retirer votre accord à tout moment, auprès du professionnel qui l’a recueilli ou de la coordination du CLSM : le partage cesse aussitôt.',
          ],
        },
      ],
    });
  });

  it('reads an empty receipt as nothing', () => {
    expect(receiptBlocks('')).toEqual({ title: undefined, blocks: [] });
  });
});

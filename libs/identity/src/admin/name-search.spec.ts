import { containsPattern, foldName } from './name-search';

describe('searching a name as people type it', () => {
  it('folds capitals, accents and ligatures', () => {
    expect(foldName('École Saint-Éloi')).toBe('ecole saint-eloi');
    expect(foldName('CŒUR de Bourg-en-Bresse')).toBe('coeur de bourg-en-bresse');
    expect(foldName('Ñúñez Ç')).toBe('nunez c');
  });

  it('looks for the text anywhere, its LIKE specials taken literally', () => {
    expect(containsPattern('  Habitat ')).toBe('%habitat%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});

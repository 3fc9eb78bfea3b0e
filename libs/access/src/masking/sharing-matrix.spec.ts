import { DataCategory } from '../domain/data-category';
import { SharingCategory } from '../domain/sharing-category';
import { readableCategories, territorySharingMatrix, wideningsOf } from './sharing-matrix';

const { LOGISTIC, IDENTITY, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET } = DataCategory;

describe('sharing matrix', () => {
  it('gives health professionals every category, social professionals all but health', () => {
    expect([...readableCategories(SharingCategory.HEALTH, { related: true })].sort()).toEqual(
      Object.values(DataCategory).sort(),
    );
    expect(
      readableCategories(SharingCategory.SOCIAL_MEDICOSOCIAL, { related: true }).has(HEALTH_SECRET),
    ).toBe(false);
    expect(
      readableCategories(SharingCategory.SOCIAL_MEDICOSOCIAL, { related: true }).has(SOCIAL_CONFIDENTIAL),
    ).toBe(true);
  });

  it('opens health to a social professional only for an item shared with them', () => {
    const shared = readableCategories(SharingCategory.SOCIAL_MEDICOSOCIAL, {
      related: true,
      healthSharedWithReader: true,
    });
    expect(shared.has(HEALTH_SECRET)).toBe(true);
  });

  it('never gives bailleurs, town halls or police confidential or health data, even when shared', () => {
    const notListed = readableCategories(SharingCategory.NOT_LISTED, {
      related: true,
      healthSharedWithReader: true,
    });
    expect([...notListed].sort()).toEqual([HOUSING, LOGISTIC]);
  });

  it('gives nothing about a person one is not related to', () => {
    expect(readableCategories(SharingCategory.HEALTH, { related: false }).size).toBe(0);
  });

  it('lets a territory narrow the matrix but never widen it', () => {
    expect(wideningsOf({ NOT_LISTED: [LOGISTIC, IDENTITY] })).toEqual(['NOT_LISTED → IDENTITY']);
    const matrix = territorySharingMatrix({ SOCIAL_MEDICOSOCIAL: [LOGISTIC, HOUSING, HEALTH_SECRET] });
    expect(matrix.SOCIAL_MEDICOSOCIAL).toEqual([LOGISTIC, HOUSING]);
    expect(matrix.HEALTH).toEqual(Object.values(DataCategory));
  });
});

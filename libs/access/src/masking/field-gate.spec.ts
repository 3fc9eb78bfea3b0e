import { DataCategory } from '../domain/data-category';
import { Relation } from '../domain/relation';
import { Role } from '../domain/role';
import { SharingCategory } from '../domain/sharing-category';
import { Principal } from '../principal';
import { Categorized, gateFields } from './field-mask';
import { rowAccessFrom } from './row-access';
import { territorySharingMatrix } from './sharing-matrix';
import { rowView, visibleCategories } from './visible-categories';

const { LOGISTIC, IDENTITY, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET } = DataCategory;
const TERRITORY = '00000000-0000-4000-8000-000000000001';

class PersonView {
  @Categorized(LOGISTIC)
  initials!: string;

  @Categorized(IDENTITY)
  lastName!: string | null;

  @Categorized(HEALTH_SECRET)
  careNote!: string | null;

  @Categorized(SOCIAL_CONFIDENTIAL)
  description!: string | null;

  /** Nobody classified it: nobody may read it. */
  forgotten!: string | null;

  redactedFields!: string[];
}

const sample = () => ({
  initials: 'M. D.',
  lastName: 'Dupont',
  careNote: null,
  description: 'Impayés depuis trois mois',
  forgotten: 'valeur oubliée',
});

function reader(sharingCategory: SharingCategory, narrowing = {}): Principal {
  return new Principal('user', 'session', 'organisation', sharingCategory, [
    {
      id: 'membership',
      territoryId: TERRITORY,
      roles: [Role.CELL_MEMBER],
      cellId: null,
      charterAccepted: true,
      sharingMatrix: territorySharingMatrix(narrowing),
    },
  ]);
}

describe('the field gate', () => {
  it('reads an uncategorised field as null for every reader and lists it', () => {
    const gated = gateFields(PersonView, sample(), { categories: new Set(Object.values(DataCategory)) });
    expect(gated.value.forgotten).toBeNull();
    expect(gated.value.redactedFields).toContain('forgotten');
    expect(gated.value.lastName).toBe('Dupont');
  });

  it('masks what the reader may not see, lists empty fields too, and reports what was shown', () => {
    const gated = gateFields(PersonView, sample(), { categories: new Set([LOGISTIC, HOUSING]) });
    expect(gated.value).toMatchObject({
      initials: 'M. D.',
      lastName: null,
      careNote: null,
      description: null,
    });
    // Naming only filled fields would tell the reader that a health note exists.
    expect(gated.value.redactedFields).toEqual(['careNote', 'description', 'forgotten', 'lastName']);
    expect(gated.shown).toEqual([LOGISTIC]);
    expect(gated.value).toBeInstanceOf(PersonView);
  });

  it('reports every category shown, for the audit', () => {
    const gated = gateFields(
      PersonView,
      { ...sample(), careNote: 'Suivi au CMP' },
      { categories: new Set(Object.values(DataCategory)) },
    );
    expect(gated.shown).toEqual([HEALTH_SECRET, IDENTITY, LOGISTIC, SOCIAL_CONFIDENTIAL]);
  });

  it('shows a value filed under its own category only to a reader who sees it too, and audits it so', () => {
    const note = { ...sample(), description: 'Suivi au CMP interrompu' };
    const social = new Set([LOGISTIC, IDENTITY, HOUSING, SOCIAL_CONFIDENTIAL]);
    const own = { description: HEALTH_SECRET } as const;
    expect(gateFields(PersonView, note, { categories: social }, own).value.description).toBeNull();
    const health = gateFields(PersonView, note, { categories: new Set(Object.values(DataCategory)) }, own);
    expect(health.value.description).toBe('Suivi au CMP interrompu');
    expect(health.shown).toContain(HEALTH_SECRET);
  });

  it('applies a rule’s field list to everything but logistics', () => {
    const gated = gateFields(PersonView, sample(), {
      categories: new Set(Object.values(DataCategory)),
      restrictedTo: new Map([
        [SOCIAL_CONFIDENTIAL, new Set(['description'])],
        [IDENTITY, new Set<string>()],
      ]),
    });
    expect(gated.value).toMatchObject({
      initials: 'M. D.',
      lastName: null,
      description: 'Impayés depuis trois mois',
    });
  });
});

describe('visible categories', () => {
  const circle = (opens?: DataCategory[]) =>
    rowAccessFrom([
      { grant: { basis: 'CONSENT' as never, explanation: '', relation: Relation.CIRCLE, opens } },
    ]);

  it('shows nothing without a relation, and logistics with any', () => {
    expect(visibleCategories(reader(SharingCategory.HEALTH), TERRITORY, rowAccessFrom([])).size).toBe(0);
    expect([...visibleCategories(reader(SharingCategory.HEALTH), TERRITORY, circle([]))]).toEqual([LOGISTIC]);
  });

  it('bounds a consent’s categories by the sharing matrix', () => {
    const consented = circle([IDENTITY, SOCIAL_CONFIDENTIAL, HEALTH_SECRET]);
    expect([...visibleCategories(reader(SharingCategory.NOT_LISTED), TERRITORY, consented)]).toEqual([
      LOGISTIC,
    ]);
    expect(
      [...visibleCategories(reader(SharingCategory.SOCIAL_MEDICOSOCIAL), TERRITORY, consented)].sort(),
    ).toEqual([IDENTITY, LOGISTIC, SOCIAL_CONFIDENTIAL]);
    expect(visibleCategories(reader(SharingCategory.HEALTH), TERRITORY, consented).has(HEALTH_SECRET)).toBe(
      true,
    );
  });

  it('follows the territory’s narrowing', () => {
    const narrowed = reader(SharingCategory.SOCIAL_MEDICOSOCIAL, {
      SOCIAL_MEDICOSOCIAL: [LOGISTIC, HOUSING],
    });
    expect([...visibleCategories(narrowed, TERRITORY, circle())].sort()).toEqual([HOUSING, LOGISTIC]);
  });

  it('gives the coordinator all but health, beyond the matrix, and health only to a health professional', () => {
    const coordination = rowAccessFrom([
      { grant: { basis: 'MEMBERSHIP' as never, explanation: '', relation: Relation.COORDINATOR } },
    ]);
    const notListed = visibleCategories(reader(SharingCategory.NOT_LISTED), TERRITORY, coordination);
    expect(notListed.has(SOCIAL_CONFIDENTIAL)).toBe(true);
    expect(notListed.has(HEALTH_SECRET)).toBe(false);
    expect(
      visibleCategories(reader(SharingCategory.HEALTH), TERRITORY, coordination).has(HEALTH_SECRET),
    ).toBe(true);
  });
});

describe('field lists, rule by rule', () => {
  const preReview = {
    grant: { basis: 'MEMBERSHIP' as never, explanation: '', relation: Relation.CELL_MEMBER },
    fields: ['description'],
  };
  const colleague = {
    grant: {
      basis: 'REFERRAL' as never,
      explanation: '',
      relation: Relation.REFERRING_ORGANISATION,
      opens: [LOGISTIC],
    },
  };

  it('keeps a rule’s list on its categories when another rule without a list opens other ones', () => {
    const view = rowView(reader(SharingCategory.HEALTH), TERRITORY, rowAccessFrom([preReview, colleague]));
    const gated = gateFields(PersonView, { ...sample(), careNote: 'Suivi au CMP' }, view);
    // The colleague's rule opens logistics only: it must not lift the pre-review's list.
    expect(gated.value).toMatchObject({
      description: 'Impayés depuis trois mois',
      lastName: null,
      careNote: null,
    });
    expect(gated.value.redactedFields).toEqual(['careNote', 'forgotten', 'lastName']);
  });

  it('lifts a list only for the categories a rule without one opens', () => {
    const circle = {
      grant: {
        basis: 'CONSENT' as never,
        explanation: '',
        relation: Relation.CIRCLE,
        opens: [HEALTH_SECRET],
      },
    };
    const view = rowView(reader(SharingCategory.HEALTH), TERRITORY, rowAccessFrom([preReview, circle]));
    const gated = gateFields(PersonView, { ...sample(), careNote: 'Suivi au CMP' }, view);
    expect(gated.value).toMatchObject({ careNote: 'Suivi au CMP', description: 'Impayés depuis trois mois' });
    expect(gated.value.lastName).toBeNull();
    expect(gated.shown).toEqual([HEALTH_SECRET, LOGISTIC, SOCIAL_CONFIDENTIAL]);
  });

  describe('read from a plan kept per view (a value masking nothing itself, no field of its own category)', () => {
    const views = {
      everything: { categories: new Set(Object.values(DataCategory)) },
      'logistics only': { categories: new Set([LOGISTIC]) },
      'social, description listed': {
        categories: new Set([LOGISTIC, SOCIAL_CONFIDENTIAL]),
        restrictedTo: new Map([[SOCIAL_CONFIDENTIAL, new Set(['description'])]]),
      },
      'identity, another field listed': {
        categories: new Set([LOGISTIC, IDENTITY]),
        restrictedTo: new Map([[IDENTITY, new Set(['initials'])]]),
      },
      nothing: { categories: new Set<DataCategory>() },
    };
    const values = {
      whole: sample(),
      // Fields a mapper leaves out are still masked and listed when the view hides them.
      'some fields left out': { initials: 'M. D.', careNote: 'Suivi au CMP' } as unknown as ReturnType<
        typeof sample
      >,
      'empty values': { initials: '', lastName: null, careNote: null, description: null, forgotten: null },
      'an undeclared field': { ...sample(), stray: 'ajout' } as ReturnType<typeof sample>,
    };

    it.each(Object.keys(views).flatMap((view) => Object.keys(values).map((value) => [view, value])))(
      'gives, for the view « %s » and %s, what the field-by-field gate gives',
      (viewName, valueName) => {
        const view = views[viewName as keyof typeof views];
        const value = values[valueName as keyof typeof values];
        const planned = gateFields(PersonView, value, view);
        // A field filed under its own declared category changes nothing, but takes the other path.
        const fieldByField = gateFields(PersonView, value, view, { initials: LOGISTIC });
        expect(planned.value).toEqual(fieldByField.value);
        expect(planned.value).toBeInstanceOf(PersonView);
        expect(planned.shown).toEqual(fieldByField.shown);
      },
    );

    it('masks every row alike when one view serves a whole list', () => {
      const view = views['social, description listed'];
      const rows = [sample(), { ...sample(), lastName: 'Martin' }, { ...sample(), description: null }];
      const gated = rows.map((row) => gateFields(PersonView, row, view));
      expect(gated.map(({ value }) => value.lastName)).toEqual([null, null, null]);
      expect(gated.map(({ value }) => value.redactedFields)).toEqual(
        Array(3).fill(['careNote', 'forgotten', 'lastName']),
      );
      expect(gated.map(({ shown }) => shown)).toEqual([
        [LOGISTIC, SOCIAL_CONFIDENTIAL],
        [LOGISTIC, SOCIAL_CONFIDENTIAL],
        [LOGISTIC],
      ]);
    });
  });
});

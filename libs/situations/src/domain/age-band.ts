import { registerEnumType } from '@nestjs/graphql';

/** What agendas show instead of a birth date (présentation anonymisée). */
export enum AgeBand {
  UNDER_18 = 'UNDER_18',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_39 = 'AGE_25_39',
  AGE_40_49 = 'AGE_40_49',
  AGE_50_59 = 'AGE_50_59',
  AGE_60_74 = 'AGE_60_74',
  AGE_75_PLUS = 'AGE_75_PLUS',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: "Tranche d'âge de la personne.",
  valuesMap: {
    UNDER_18: { description: 'Moins de 18 ans.' },
    AGE_18_24: { description: '18 à 24 ans.' },
    AGE_25_39: { description: '25 à 39 ans.' },
    AGE_40_49: { description: '40 à 49 ans.' },
    AGE_50_59: { description: '50 à 59 ans.' },
    AGE_60_74: { description: '60 à 74 ans.' },
    AGE_75_PLUS: { description: '75 ans et plus.' },
    UNKNOWN: { description: 'Âge inconnu : pas de date de naissance.' },
  },
});

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: 'moins de 18 ans',
  AGE_18_24: '18–24 ans',
  AGE_25_39: '25–39 ans',
  AGE_40_49: '40–49 ans',
  AGE_50_59: '50–59 ans',
  AGE_60_74: '60–74 ans',
  AGE_75_PLUS: '75 ans et plus',
  UNKNOWN: 'âge inconnu',
};

const LOWER_BOUNDS: [number, AgeBand][] = [
  [75, AgeBand.AGE_75_PLUS],
  [60, AgeBand.AGE_60_74],
  [50, AgeBand.AGE_50_59],
  [40, AgeBand.AGE_40_49],
  [25, AgeBand.AGE_25_39],
  [18, AgeBand.AGE_18_24],
];

/** Age in whole years on `today`; both are calendar dates (`YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function ageBandOf(birthDate: string | null, today: string): AgeBand {
  if (!birthDate) return AgeBand.UNKNOWN;
  const age = ageOn(birthDate, today);
  return LOWER_BOUNDS.find(([bound]) => age >= bound)?.[1] ?? AgeBand.UNDER_18;
}

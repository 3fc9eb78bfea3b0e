import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReportFigureUnit {
  COUNT = 'COUNT',
  DAYS = 'DAYS',
  PERCENT = 'PERCENT',
  MEAN = 'MEAN',
}
registerEnumType(ReportFigureUnit, {
  name: 'ReportFigureUnit',
  description: 'Comment lire un chiffre du bilan.',
  valuesMap: {
    COUNT: { description: 'Un effectif.' },
    DAYS: { description: 'Un nombre de jours (délai médian).' },
    PERCENT: { description: 'Une part, en pourcentage.' },
    MEAN: { description: 'Une moyenne.' },
  },
});

export enum ReportChartKind {
  BAR = 'BAR',
  NONE = 'NONE',
}
registerEnumType(ReportChartKind, {
  name: 'ReportChartKind',
  description: 'Le graphique qui accompagne un tableau du bilan.',
  valuesMap: {
    BAR: { description: 'Un diagramme en barres : chaque chiffre, période comparée à la précédente.' },
    NONE: { description: 'Un tableau seul.' },
  },
});

@ObjectType('ActivityReportFigure', {
  description:
    'Un chiffre du bilan d’activité, avec celui de la période précédente ; jamais rien de personnel.',
})
export class ActivityReportFigureObject {
  @Field({ description: 'Clé stable du chiffre (les colonnes des exports la reprennent).' })
  key!: string;

  @Field({ description: 'Libellé du chiffre.' })
  label!: string;

  @Field(() => ReportFigureUnit, { description: 'Comment lire le chiffre.' })
  unit!: ReportFigureUnit;

  @Field(() => Float, {
    nullable: true,
    description: 'Valeur sur la période ; vide quand elle est masquée ou qu’il n’y a rien à mesurer.',
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Valeur sur la période précédente ; vide quand elle est masquée ou qu’il n’y a rien à mesurer.',
  })
  previous!: number | null;

  @Field({
    description:
      'Masquée : petit effectif, ou effectif qu’un total permettrait de retrouver (secret statistique).',
  })
  suppressed!: boolean;

  @Field({ description: 'La valeur de la période précédente est masquée, pour la même raison.' })
  previousSuppressed!: boolean;
}

@ObjectType('ActivityReportBreakdown', {
  description: 'Un groupe de chiffres lus ensemble : un tableau, et un graphique le cas échéant.',
})
export class ActivityReportBreakdownObject {
  @Field({ description: 'Clé stable du groupe.' })
  key!: string;

  @Field({ description: 'Titre du tableau.' })
  title!: string;

  @Field(() => ReportChartKind, { description: 'Le graphique qui l’accompagne.' })
  chart!: ReportChartKind;

  @Field(() => [ActivityReportFigureObject], { description: 'Les chiffres du groupe.' })
  figures!: ActivityReportFigureObject[];

  @Field(() => ActivityReportFigureObject, {
    nullable: true,
    description: 'Le total auquel les effectifs du groupe s’additionnent, quand ils s’additionnent.',
  })
  total!: ActivityReportFigureObject | null;
}

@ObjectType('ActivityReportMonth', { description: 'Un mois d’une série mensuelle.' })
export class ActivityReportMonthObject {
  @Field({ description: 'Le mois, AAAA-MM (heure de Paris).' })
  month!: string;

  @Field(() => Int, { nullable: true, description: 'L’effectif du mois ; vide quand il est masqué.' })
  value!: number | null;
}

@ObjectType('ActivityReportSeries', {
  description: 'Un effectif mois par mois sur la période, tracé en courbe.',
})
export class ActivityReportSeriesObject {
  @Field({ description: 'Clé stable de la série.' })
  key!: string;

  @Field({ description: 'Titre de la courbe.' })
  title!: string;

  @Field(() => [ActivityReportMonthObject], { description: 'Chaque mois de la période, dans l’ordre.' })
  points!: ActivityReportMonthObject[];
}

@ObjectType('ActivityReportSection', {
  description: 'Une partie du bilan (saisines, séances, accompagnements…).',
})
export class ActivityReportSectionObject {
  @Field({ description: 'Clé stable de la partie.' })
  key!: string;

  @Field({ description: 'Titre de la partie.' })
  title!: string;

  @Field(() => [ActivityReportBreakdownObject], { description: 'Ses tableaux de chiffres.' })
  breakdowns!: ActivityReportBreakdownObject[];

  @Field(() => [ActivityReportSeriesObject], { description: 'Ses séries mensuelles.' })
  series!: ActivityReportSeriesObject[];
}

@ObjectType('ActivityReport', {
  description:
    'Le bilan d’activité anonyme d’un territoire sur une période, comparé à la période précédente de même durée ; les petits effectifs sont masqués.',
})
export class ActivityReportObject {
  @Field(() => ID, { description: 'Le territoire.' })
  territoryId!: string;

  @Field({ description: 'Le nom du CLSM.' })
  territoryName!: string;

  @Field({ description: 'Premier jour de la période (AAAA-MM-JJ, inclus).' })
  from!: string;

  @Field({ description: 'Dernier jour de la période (AAAA-MM-JJ, inclus).' })
  to!: string;

  @Field({ description: 'Premier jour de la période de comparaison.' })
  previousFrom!: string;

  @Field({ description: 'Dernier jour de la période de comparaison.' })
  previousTo!: string;

  @Field(() => Int, {
    description:
      'Seuil des petits effectifs : un effectif non nul inférieur est masqué (réglage du territoire).',
  })
  smallCountThreshold!: number;

  @Field(() => GraphQLISODateTime, { description: 'Moment où le bilan a été produit.' })
  generatedAt!: Date;

  @Field(() => [ActivityReportSectionObject], { description: 'Les parties du bilan.' })
  sections!: ActivityReportSectionObject[];
}

import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../ui/button';
import { parseDayText, dayText } from '../ui/form/day-text';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormDateField } from '../ui/form/form-date-field';
import { lastFullYear, lastTwelveMonths, yearToDate } from './report-periods';
import type { ReportPeriod } from './report-periods';

type Preset = 'LAST_YEAR' | 'YEAR_TO_DATE' | 'TWELVE_MONTHS' | 'OTHER';

interface PeriodValues {
  preset: Preset;
  from: string;
  to: string;
}

function presetPeriod(preset: Exclude<Preset, 'OTHER'>, today: Date): ReportPeriod {
  if (preset === 'YEAR_TO_DATE') return yearToDate(today);
  if (preset === 'TWELVE_MONTHS') return lastTwelveMonths(today);
  return lastFullYear(today);
}

/** The period of the report: a usual one in one choice, or any other typed as two days. */
export function PeriodForm({ today, onChoose }: { today: Date; onChoose(period: ReportPeriod): void }) {
  const lastYear = lastFullYear(today);
  const { control, handleSubmit } = useForm<PeriodValues>({
    defaultValues: { preset: 'LAST_YEAR', from: dayText(lastYear.from), to: dayText(lastYear.to) },
  });
  const preset = useWatch({ control, name: 'preset' });
  const isAfterFrom = (to: unknown, values: PeriodValues) => {
    const start = parseDayText(values.from);
    const end = typeof to === 'string' ? parseDayText(to) : undefined;
    return !start || !end || end >= start || 'La fin de la période ne peut pas précéder son début.';
  };
  const choose = (values: PeriodValues) => {
    if (values.preset !== 'OTHER') return onChoose(presetPeriod(values.preset, today));
    const from = parseDayText(values.from);
    const to = parseDayText(values.to);
    if (from && to) onChoose({ from, to });
  };
  return (
    <form
      className="report-period"
      aria-label="Période du bilan"
      noValidate
      onSubmit={(event) => void handleSubmit(choose)(event)}
    >
      <FormChoiceGroup
        control={control}
        name="preset"
        label="Période"
        hint="Chaque chiffre est comparé à la période précédente de même durée."
        rules={{ required: 'Choisissez une période.' }}
        choices={[
          { value: 'LAST_YEAR', label: `Année ${lastYear.from.slice(0, 4)}` },
          { value: 'YEAR_TO_DATE', label: `Depuis le 1er janvier ${yearToDate(today).from.slice(0, 4)}` },
          { value: 'TWELVE_MONTHS', label: 'Les douze derniers mois complets' },
          { value: 'OTHER', label: 'Une autre période' },
        ]}
      />
      {preset === 'OTHER' ? (
        <div className="report-period-days">
          <FormDateField
            control={control}
            name="from"
            label="Du"
            rules={{ required: 'Indiquez le premier jour.' }}
          />
          <FormDateField
            control={control}
            name="to"
            label="Au"
            rules={{ required: 'Indiquez le dernier jour.', validate: isAfterFrom }}
          />
        </div>
      ) : null}
      <div className="button-row">
        <Button type="submit">Afficher le bilan</Button>
      </div>
    </form>
  );
}

import { useForm } from 'react-hook-form';
import { localCalendarDay } from '../referrals/calendar-day';
import { Button } from '../ui/button';
import { dayText } from '../ui/form/day-text';
import { FormDateField } from '../ui/form/form-date-field';
import { FormSelectField } from '../ui/form/form-select-field';
import { FormTextField } from '../ui/form/form-text-field';
import { ALL, DEFAULT_FILTERS, OPEN } from './situation-criteria';
import type { SituationFilterValues } from './situation-criteria';
import { REFERRER_KIND_OPTIONS, SITUATION_STATUS_OPTIONS } from './situation-words';

const STATUS_CHOICES = [
  { value: OPEN, label: 'Toutes les situations ouvertes' },
  { value: ALL, label: 'Toutes, closes comprises' },
  ...SITUATION_STATUS_OPTIONS,
];

/** The list's criteria; « Réexamens dus » asks at once for the reviews waiting today. */
export function SituationFilters({ onApply }: { onApply(values: SituationFilterValues): void }) {
  const { control, handleSubmit, reset } = useForm<SituationFilterValues>({ defaultValues: DEFAULT_FILTERS });
  const apply = (values: SituationFilterValues) => {
    reset(values);
    onApply(values);
  };
  return (
    <form
      className="situation-filters"
      aria-label="Filtrer les situations"
      noValidate
      onSubmit={(event) => void handleSubmit(onApply)(event)}
    >
      <div className="situation-filter-fields">
        <FormSelectField
          control={control}
          name="status"
          label="État"
          options={STATUS_CHOICES}
          rules={{ required: true }}
        />
        <FormTextField
          control={control}
          name="district"
          label="Quartier ou commune"
          hint="Tel qu’il est écrit dans les dossiers, majuscules comprises ou non."
          autoComplete="off"
        />
        <FormSelectField
          control={control}
          name="referrerKind"
          label="Saisie par"
          options={REFERRER_KIND_OPTIONS}
          emptyLabel="Tous les partenaires"
        />
        <FormDateField
          control={control}
          name="reviewDueBy"
          label="Réexamen dû au plus tard le"
          hint="Les situations à réexaminer, et celles dont la date de réexamen tombe ce jour ou avant."
        />
      </div>
      <div className="button-row">
        <Button type="submit">Filtrer</Button>
        <Button
          variant="quiet"
          onPress={() => apply({ ...DEFAULT_FILTERS, reviewDueBy: dayText(localCalendarDay()) })}
        >
          Réexamens dus aujourd’hui
        </Button>
        <Button variant="quiet" onPress={() => apply(DEFAULT_FILTERS)}>
          Effacer les filtres
        </Button>
      </div>
    </form>
  );
}

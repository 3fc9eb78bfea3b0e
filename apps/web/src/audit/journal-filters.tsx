import { useForm } from 'react-hook-form';
import { Button } from '../ui/button';
import { parseDayText } from '../ui/form/day-text';
import { FormDateField } from '../ui/form/form-date-field';
import { FormSelectField } from '../ui/form/form-select-field';
import { FormTextField } from '../ui/form/form-text-field';
import { ACTION_OPTIONS, SUBJECT_TYPE_OPTIONS } from './audit-labels';

export interface JournalFilterValues {
  action: string;
  actorUserId: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

export const NO_FILTER: JournalFilterValues = {
  action: '',
  actorUserId: '',
  subjectType: '',
  subjectId: '',
  from: '',
  to: '',
};

/** The api's criteria: the days are local (from the start of « du », up to the end of « au »). */
export function journalCriteria(values: JournalFilterValues) {
  const startOf = (text: string, plusDays = 0) => {
    const day = parseDayText(text);
    if (!day) return undefined;
    const moment = new Date(`${day}T00:00:00`);
    moment.setDate(moment.getDate() + plusDays);
    return moment.toISOString();
  };
  return {
    action: values.action || undefined,
    actorUserId: values.actorUserId || undefined,
    subjectType: values.subjectType || undefined,
    subjectId: values.subjectId.trim() || undefined,
    from: startOf(values.from),
    to: startOf(values.to, 1),
  };
}

export interface JournalFiltersProps {
  /** The authors seen in the journal so far, to pick one. */
  actors: readonly { value: string; label: string }[];
  onApply(values: JournalFilterValues): void;
}

/** The journal's criteria; absent ones do not filter. */
export function JournalFilters({ actors, onApply }: JournalFiltersProps) {
  const { control, handleSubmit, reset } = useForm<JournalFilterValues>({ defaultValues: NO_FILTER });
  const isAfterFrom = (to: unknown, values: JournalFilterValues) => {
    const start = parseDayText(values.from);
    const end = typeof to === 'string' ? parseDayText(to) : undefined;
    return !start || !end || end >= start || 'La fin de la période ne peut pas précéder son début.';
  };
  return (
    <form
      className="audit-filters"
      aria-label="Filtrer le journal"
      noValidate
      onSubmit={(event) => void handleSubmit(onApply)(event)}
    >
      <div className="audit-filter-fields">
        <FormSelectField
          control={control}
          name="action"
          label="Action"
          options={ACTION_OPTIONS}
          emptyLabel="Toutes les actions"
        />
        <FormSelectField
          control={control}
          name="actorUserId"
          label="Auteur·rice"
          hint="Parmi les personnes déjà vues dans le journal."
          options={actors}
          emptyLabel="Tout le monde"
        />
        <FormSelectField
          control={control}
          name="subjectType"
          label="Type d’objet"
          options={SUBJECT_TYPE_OPTIONS}
          emptyLabel="Tous les objets"
        />
        <FormTextField
          control={control}
          name="subjectId"
          label="Identifiant de l’objet"
          hint="Tel qu’il figure dans le journal."
          autoComplete="off"
        />
        <FormDateField control={control} name="from" label="Du" />
        <FormDateField control={control} name="to" label="Au" rules={{ validate: isAfterFrom }} />
      </div>
      <div className="button-row">
        <Button type="submit">Filtrer</Button>
        <Button
          variant="quiet"
          onPress={() => {
            reset(NO_FILTER);
            onApply(NO_FILTER);
          }}
        >
          Effacer les filtres
        </Button>
      </div>
    </form>
  );
}

import { useContext, useEffect, useState } from 'react';
import {
  Button,
  ComboBox,
  ComboBoxStateContext,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { readError } from '../graphql/errors';
import type { SearchFieldProps } from './search-field-state';
import type { DirectorySearch } from './use-directory-search';
import './directory-search-field.css';

/** How one entry reads in the list: its name, and what tells two alike apart. */
export interface ShownEntry {
  name: string;
  description?: string;
}

/** The words of one directory: « partenaire » or « personne », and whether to write « aucune ». */
export interface DirectoryWords {
  one: string;
  many: string;
  /** « Aucune personne », « les 100 premières personnes ». */
  feminine: boolean;
}

export interface DirectorySearchFieldProps<Entry extends { id: string }> extends Omit<
  SearchFieldProps<Entry>,
  'territoryId'
> {
  words: DirectoryWords;
  search: DirectorySearch<Entry>;
  /** What is typed: the search, or the chosen entry's name. */
  text: string;
  onTextChange(text: string): void;
  onOpenChange(open: boolean): void;
  show(entry: Entry): ShownEntry;
  /**
   * The chosen entry's name, for a field that holds one choice (`value`). Without `value`, the
   * field adds: each choice is handed over, and the field empties for the next.
   */
  valueName?: string;
}

/** Closes the list after each addition (react-aria leaves it open, the choice not being kept). */
function CloseAfterAdding({ additions }: { additions: number }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    if (additions) state?.close();
    // Only a new addition closes the list; the state object changes at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [additions]);
  return null;
}

/**
 * A directory searched by the api as one types (parts of a name, without minding capitals or
 * accents), opened without typing to show the first entries. Says when nothing matches and when
 * more match than are shown. A combo box: the arrows open and move through the list, Entrée
 * chooses, Échap closes it.
 */
export function DirectorySearchField<Entry extends { id: string }>({
  label,
  hint,
  words,
  search,
  text,
  onTextChange,
  onOpenChange,
  show,
  value,
  valueName,
  onChoose,
  excludeIds,
  isRequired,
  isDisabled,
  errorMessage,
  onBlur,
  inputRef,
  name,
}: DirectorySearchFieldProps<Entry>) {
  const [open, setOpen] = useState(false);
  const [additions, setAdditions] = useState(0);
  const adding = value === undefined;
  const excluded = new Set(excludeIds ?? []);
  const entries = search.entries.filter((entry) => !excluded.has(entry.id));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const status = statusOf(search, entries.length, words);

  function choose(key: Key | null) {
    const entry = key === null ? undefined : byId.get(String(key));
    if (adding) {
      if (!entry) return;
      onChoose(entry);
      onTextChange('');
      setAdditions((count) => count + 1);
      return;
    }
    // Leaving the field with other words typed brings back the name of what stays chosen.
    if (!entry) return onTextChange(valueName ?? '');
    if (entry.id !== value) onChoose(entry);
    onTextChange(show(entry).name);
  }

  return (
    <ComboBox
      className="field directory-search"
      items={entries}
      selectedKey={adding ? null : value || null}
      onSelectionChange={choose}
      inputValue={text}
      onInputChange={(typed) => {
        onTextChange(typed);
        // Emptying a single choice's words takes the choice away, as with any field.
        if (!adding && typed === '' && value) onChoose(null);
      }}
      onOpenChange={(isOpen) => {
        setOpen(isOpen);
        onOpenChange(isOpen);
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      onBlur={onBlur}
      name={name}
    >
      <CloseAfterAdding additions={additions} />
      <Label>
        {label}
        {isRequired === false && !adding ? <span className="hint"> (facultatif)</span> : null}
      </Label>
      <Text slot="description" className="hint">
        {hint ? `${hint} ` : ''}
        Tapez une partie du nom, ou la flèche vers le bas pour voir la liste.
      </Text>
      <div className="directory-search-box">
        <Input ref={inputRef} />
        <Button className="directory-search-open" aria-label={`Voir la liste des ${words.many}`}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <p role="status" className="hint directory-search-status">
        {open ? status.spoken : ''}
      </p>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="directory-search-popover" placement="bottom start" offset={4}>
        <ListBox<Entry>
          className="directory-search-list"
          renderEmptyState={() => <p className="directory-search-empty">{status.shown}</p>}
        >
          {(entry) => {
            const shown = show(entry);
            return (
              <ListBoxItem id={entry.id} textValue={shown.name} className="directory-search-option">
                <Text slot="label">{shown.name}</Text>
                {shown.description ? (
                  <Text slot="description" className="directory-search-description">
                    {shown.description}
                  </Text>
                ) : null}
              </ListBoxItem>
            );
          }}
        </ListBox>
        {entries.length && status.shown ? (
          // Read through the field's status; shown here for the eyes, at the end of the list.
          <p className="directory-search-more" aria-hidden="true">
            {status.shown}
          </p>
        ) : null}
      </Popover>
    </ComboBox>
  );
}

/** What the list says of itself: in the field's status for the ear, in the list for the eye. */
function statusOf(
  search: DirectorySearch<{ id: string }>,
  count: number,
  words: DirectoryWords,
): { spoken: string; shown: string } {
  if (search.error) {
    const message = readError(search.error).message;
    return { spoken: message, shown: message };
  }
  if (search.loading) return { spoken: '', shown: 'Recherche…' };
  if (!count) {
    const none = words.feminine ? 'Aucune' : 'Aucun';
    const message = search.searched
      ? `${none} ${words.one} ne correspond à « ${search.searched} ». Vérifiez l’orthographe ou tapez moins de lettres.`
      : `${none} ${words.one} dans l’annuaire.`;
    return { spoken: message, shown: message };
  }
  if (search.more) {
    const message = search.searched
      ? `Plus de ${search.limit} ${words.many} correspondent : précisez la recherche.`
      : `Les ${search.limit} ${words.feminine ? 'premières' : 'premiers'} ${words.many} dans l’ordre alphabétique : tapez une partie du nom pour trouver les autres.`;
    return { spoken: message, shown: message };
  }
  return { spoken: `${count} ${count > 1 ? words.many : words.one} dans la liste.`, shown: '' };
}

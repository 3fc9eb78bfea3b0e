import { DataCategory, RowView } from '@relais/access';

/**
 * What two readers both see of one row: the categories both are shown, and where either is limited
 * to some fields of a category, those fields only. The coordination's preview of a partner's
 * reading stays within what the coordinator may read itself (a health note for a nurse is not shown
 * to a coordinator who is not a health professional).
 */
export function sharedView(first: RowView, second: RowView): RowView {
  const categories = new Set([...first.categories].filter((category) => second.categories.has(category)));
  const restrictedTo = new Map<DataCategory, ReadonlySet<string>>();
  for (const category of categories) {
    const left = first.restrictedTo?.get(category);
    const right = second.restrictedTo?.get(category);
    if (left && right) restrictedTo.set(category, new Set([...left].filter((field) => right.has(field))));
    else if (left) restrictedTo.set(category, left);
    else if (right) restrictedTo.set(category, right);
  }
  return { categories, restrictedTo };
}

/** A reminder's moments in words: « 7 jours avant, le jour même, 2 jours ouvrés après ». */
export function offsetsInWords(offsets: readonly number[], workingDays: boolean): string {
  if (!offsets.length) return 'aucun moment';
  const unit = (count: number) =>
    `${count} jour${count > 1 ? 's' : ''}${workingDays ? ` ouvré${count > 1 ? 's' : ''}` : ''}`;
  return offsets
    .map((offset) =>
      offset === 0 ? 'le jour même' : offset < 0 ? `${unit(-offset)} avant` : `${unit(offset)} après`,
    )
    .join(', ');
}

export function repeatsInWords(repeatEveryDays: number | null, maxRepeats: number): string {
  if (!repeatEveryDays || maxRepeats === 0) return 'pas de relance';
  return `relancé tous les ${repeatEveryDays} jour${repeatEveryDays > 1 ? 's' : ''}, ${maxRepeats} fois au plus`;
}

/** « -7, -1 » or « -7 -1 » as typed → [-7, -1]; undefined when a part is not a whole number. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map((part) =>
    /^[-+−]?\d+$/.test(part) ? Number(part.replace('−', '-')) : Number.NaN,
  );
  return numbers.some(Number.isNaN) ? undefined : numbers;
}

import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Moves the focus to `target` when `value` changes to something shown (a new step, a message, a
 * result), so a screen reader reads the new content from its start. Compared with the value last
 * seen rather than skipping a first run: React may run an effect again without any change (when
 * it reconnects a hidden tree), and that must not steal the focus.
 */
export function useFocusOnChange(target: RefObject<HTMLElement | null>, value: unknown): void {
  const seen = useRef(value);
  useEffect(() => {
    if (Object.is(seen.current, value)) return;
    seen.current = value;
    if (value !== undefined && value !== null && value !== false && value !== '') target.current?.focus();
  }, [target, value]);
}

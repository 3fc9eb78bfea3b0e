import { useCallback, useEffect, useState } from 'react';

/**
 * The page on the whole screen (the Fullscreen API), for the projector; Échap leaves it, as the
 * browser decides. `supported` is false where the browser refuses it (then the button is not shown).
 */
export function useFullscreen(): { active: boolean; supported: boolean; toggle(): void } {
  const [active, setActive] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const update = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    // A refusal (a frame, a policy) leaves the page as it is: nothing to tell but the button's state.
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { active, supported: document.fullscreenEnabled, toggle };
}

/** Re-renders every `intervalMs` with a monotonic reading (`performance.now()`), while mounted. */
export function useTick(intervalMs = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

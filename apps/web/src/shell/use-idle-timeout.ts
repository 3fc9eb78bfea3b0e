import { useEffect, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
const CHECK_EVERY_MS = 10_000;
/** How long before the end the page warns, so that someone reading is not signed out mid-sentence. */
export const IDLE_WARNING_MS = 2 * 60_000;

export type IdleState = 'active' | 'warning';

/**
 * Signs out after `minutes` without a key, click or touch. The api keeps a session alive while the
 * page asks it for anything (the unread count does, every minute), so the page itself must notice
 * that nobody is there. Checked against the wall clock, so a laptop that slept is caught on waking.
 */
export function useIdleTimeout(minutes: number | undefined, onIdle: () => void): IdleState {
  const [state, setState] = useState<IdleState>('active');
  useEffect(() => {
    if (!minutes) return;
    const limitMs = minutes * 60_000;
    let lastActivity = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= limitMs) {
        window.clearInterval(timer);
        onIdle();
        return;
      }
      setState(idleFor >= limitMs - IDLE_WARNING_MS ? 'warning' : 'active');
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity);
    };
  }, [minutes, onIdle]);
  return state;
}

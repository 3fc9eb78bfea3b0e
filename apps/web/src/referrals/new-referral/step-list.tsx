import { STEPS } from './referral-form-values';
import type { StepNumber } from './referral-form-values';

/** Where the person is among the five steps; the steps behind her are marked done. */
export function StepList({ current, reached }: { current: StepNumber; reached: StepNumber }) {
  return (
    <nav aria-label="Étapes de la saisine" className="step-list">
      <ol>
        {STEPS.map((step) => {
          const state = step.number === current ? 'current' : step.number < reached ? 'done' : 'todo';
          return (
            <li
              key={step.number}
              className={`step-list-item step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-list-number" aria-hidden="true">
                {state === 'done' ? '✓' : step.number}
              </span>
              <span>
                <span className="visually-hidden">Étape {step.number} : </span>
                {step.title}
                {state === 'done' ? <span className="visually-hidden"> (faite)</span> : null}
                {state === 'current' ? <span className="visually-hidden"> (en cours)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

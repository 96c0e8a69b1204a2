import { createContext, useContext, useId, type ReactNode } from 'react';
import { CircleAlert } from 'lucide-react';
import { cx } from '../cx';
import './form.css';

interface FieldControl {
  id: string;
  describedBy?: string;
  isInvalid: boolean;
  isRequired: boolean;
}

const FieldContext = createContext<FieldControl | null>(null);

/** Inputs inside a Field pick up its id, description and invalid state from here. */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

export interface FieldProps {
  label: ReactNode;
  /** Guidance under the control, shown while there is no error. */
  hint?: ReactNode;
  /** A message for this field, usually from the server's problem+json `errors`. */
  error?: string;
  isRequired?: boolean;
  className?: string;
  children: ReactNode;
}

/** Label + control + hint + error, wired for assistive tech. */
export function Field({ label, hint, error, isRequired = false, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={cx('field', className)}>
      <label className="field-label" htmlFor={id}>
        {label}
        {isRequired && (
          <span className="field-required" aria-hidden>
            *
          </span>
        )}
      </label>
      <FieldContext.Provider value={{ id, describedBy, isInvalid: Boolean(error), isRequired }}>
        {children}
      </FieldContext.Provider>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          <CircleAlert aria-hidden />
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A form-wide error that belongs to no single field. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      <CircleAlert aria-hidden />
      <span>{message}</span>
    </div>
  );
}

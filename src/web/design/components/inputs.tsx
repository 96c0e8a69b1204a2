import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from '../cx';
import { useFieldControl } from './field';
import './form.css';

function useControlProps(id: string | undefined, invalid: boolean | undefined, required: boolean | undefined) {
  const field = useFieldControl();
  return {
    id: id ?? field?.id,
    'aria-invalid': invalid ?? field?.isInvalid ?? undefined,
    'aria-describedby': field?.describedBy,
    required: required ?? (field?.isRequired || undefined),
  };
}

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  size?: 'sm' | 'md';
  /** An icon drawn inside the left edge (e.g. a search glass). */
  icon?: ReactNode;
  isInvalid?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Input({ size = 'md', icon, isInvalid, className, id, required, ...rest }: InputProps) {
  const control = useControlProps(id, isInvalid, required);
  const input = <input className={cx('input', size === 'sm' && 'input-sm', className)} {...control} {...rest} />;
  return icon ? (
    <div className="input-with-icon">
      {icon}
      {input}
    </div>
  ) : (
    input
  );
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  isInvalid?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ isInvalid, className, id, required, ...rest }: TextareaProps) {
  return <textarea className={cx('textarea', className)} {...useControlProps(id, isInvalid, required)} {...rest} />;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> {
  options?: SelectOption[];
  size?: 'sm' | 'md';
  isInvalid?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

/** A native select (keyboard and mobile friendly), styled to match. */
export function Select({ options, size = 'md', isInvalid, className, id, required, children, ...rest }: SelectProps) {
  return (
    <select
      className={cx('select', size === 'sm' && 'select-sm', className)}
      {...useControlProps(id, isInvalid, required)}
      {...rest}
    >
      {options?.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({ label, hint, className, ...rest }: CheckboxProps) {
  return (
    <label className={cx('checkbox', className)}>
      <input type="checkbox" {...rest} />
      <span className="checkbox-text">
        <span>{label}</span>
        {hint && <span className="checkbox-hint">{hint}</span>}
      </span>
    </label>
  );
}

import { useTranslation } from 'react-i18next';
import { Checkbox, Field, Input, Select, Textarea } from '../../../design';
import { fromMinorUnits, toMinorUnits } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { CustomField } from '../api/config';

/** One custom field's control, by type (values as the API takes them: money in minor units). */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: CustomField;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
}) {
  const { t } = useTranslation('contacts');
  const currency = useSession().workspace.currency;
  const str = value === undefined || value === null ? '' : String(value);
  const text = (type: string) => <Input type={type} value={str} onChange={(e) => onChange(e.target.value || null)} />;
  let control;
  switch (field.type) {
    case 'long_text':
      control = <Textarea rows={3} value={str} onChange={(e) => onChange(e.target.value || null)} />;
      break;
    case 'number':
      control = (
        <Input
          type="number"
          step="any"
          value={str}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
      break;
    case 'money':
      // typed in whole currency units, stored as integer minor units
      control = (
        <Input
          type="number"
          step="any"
          value={typeof value === 'number' ? String(fromMinorUnits(value, currency)) : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : toMinorUnits(Number(e.target.value), currency))}
        />
      );
      break;
    case 'date':
      control = text('date');
      break;
    case 'url':
      control = text('url');
      break;
    case 'email':
      control = text('email');
      break;
    case 'phone':
      control = text('tel');
      break;
    case 'boolean':
      return <Checkbox label={field.label} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      control = (
        <Select value={str} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{t('form.none')}</option>
          {field.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      );
      break;
    case 'multi_select': {
      const selected = new Set(Array.isArray(value) ? (value as string[]) : []);
      return (
        <fieldset className="filter-group">
          <legend>{field.label}</legend>
          <div className="filter-choices">
            {field.choices.map((c) => (
              <Checkbox
                key={c.value}
                label={c.label}
                checked={selected.has(c.value)}
                onChange={() => {
                  const next = new Set(selected);
                  if (!next.delete(c.value)) next.add(c.value);
                  onChange(next.size ? [...next] : null);
                }}
              />
            ))}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      );
    }
    default:
      control = text('text');
  }
  return (
    <Field
      label={field.label}
      isRequired={field.isRequired}
      error={error}
      hint={field.type === 'money' ? t('form.moneyHint', { currency }) : undefined}
    >
      {control}
    </Field>
  );
}

import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog } from '../../../design';
import { useCustomFields } from '../api/config';
import { columnLabel, DEFAULT_COLUMNS, STANDARD_COLUMNS } from '../lib/columns';

/** Which columns the table shows, in the order listed here (the name always comes first). */
export function ColumnChooser({
  open,
  onClose,
  columns,
  onChange,
}: {
  open: boolean;
  onClose: () => void;
  columns: string[];
  onChange: (c: string[]) => void;
}) {
  const { t } = useTranslation('contacts');
  const fields = (useCustomFields().data ?? []).filter((f) => !f.isArchived);
  const all = [...STANDARD_COLUMNS, ...fields.map((f) => `custom.${f.key}`)];
  const toggle = (key: string) =>
    onChange(
      columns.includes(key) ? columns.filter((c) => c !== key) : all.filter((c) => c === key || columns.includes(c)),
    );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('columnChooser.title')}
      description={t('columnChooser.description')}
      size="sm"
      footer={
        <>
          <Button onClick={() => onChange(DEFAULT_COLUMNS)}>{t('columnChooser.reset')}</Button>
          <Button variant="primary" onClick={onClose}>
            {t('columnChooser.done')}
          </Button>
        </>
      }
    >
      <div className="column-chooser">
        <fieldset className="filter-group">
          <legend>{t('columnChooser.standard')}</legend>
          <div className="filter-choices">
            {STANDARD_COLUMNS.map((key) => (
              <Checkbox
                key={key}
                label={columnLabel(key, { t, fields })}
                checked={columns.includes(key)}
                onChange={() => toggle(key)}
              />
            ))}
          </div>
        </fieldset>
        {fields.length > 0 && (
          <fieldset className="filter-group">
            <legend>{t('columnChooser.custom')}</legend>
            <div className="filter-choices">
              {fields.map((f) => (
                <Checkbox
                  key={f.key}
                  label={f.label}
                  checked={columns.includes(`custom.${f.key}`)}
                  onChange={() => toggle(`custom.${f.key}`)}
                />
              ))}
            </div>
          </fieldset>
        )}
      </div>
    </Dialog>
  );
}

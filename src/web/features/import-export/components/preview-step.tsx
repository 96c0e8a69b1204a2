import { Sparkles } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Card, Field, Select } from '../../../design';
import type { Import } from '../api/imports';

/** Step 2: the first rows as read (sheet choice for workbooks; the recognized export, if any). */
export function PreviewStep({
  imp,
  onSheet,
  isBusy,
}: {
  imp: Import;
  onSheet: (sheet: string) => void;
  isBusy: boolean;
}) {
  const { t } = useTranslation('importExport');
  const read = [
    t('wizard.preview.read', { format: imp.format.toUpperCase(), encoding: imp.encoding }),
    imp.delimiter ? t('wizard.preview.separator', { delimiter: imp.delimiter === '\t' ? 'tab' : imp.delimiter }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Card title={t('wizard.preview.title', { file: imp.fileName })} description={read} flush>
      {(imp.preset || imp.sheets.length > 1) && (
        <div className="stack ie-preview-notes">
          {imp.preset && (
            <div className="row">
              <Badge color="green" icon={<Sparkles />}>
                {t(`wizard.preview.presets.${imp.preset}`, { defaultValue: imp.preset })}
              </Badge>
              <span className="text-sm text-muted">
                {t('wizard.preview.recognized', {
                  preset: t(`wizard.preview.presets.${imp.preset}`, { defaultValue: imp.preset }),
                })}
              </span>
            </div>
          )}
          {imp.sheets.length > 1 && (
            <Field label={t('wizard.preview.sheet')}>
              <Select
                value={imp.sheet ?? ''}
                disabled={isBusy}
                onChange={(e) => onSheet(e.target.value)}
                options={imp.sheets.map((s) => ({ value: s, label: s }))}
                style={{ maxWidth: 320 }}
              />
            </Field>
          )}
        </div>
      )}
      <div className="ie-preview" style={{ maxHeight: 380 }}>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {imp.headers.map((h, i) => (
                <th scope="col" key={i}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {imp.preview.map((row, r) => (
              <tr key={r}>
                <td className="ie-line">{r + 2}</td>
                {imp.headers.map((_h, i) => (
                  <td key={i} title={row[i]}>
                    {row[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

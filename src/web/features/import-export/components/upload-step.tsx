import { useRef, useState, type DragEvent } from 'react';
import { FileUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../../../shared/contracts/import-export';
import { Button, Card, FormError, ProgressBar } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { useCan, useSession } from '../../../lib/session';
import { uploadImportFile, type Import } from '../api/imports';

const ENTITIES: Array<{ entity: ImportEntity; permission: 'contacts.edit' | 'deals.edit' | 'activities.edit' }> = [
  { entity: 'contacts', permission: 'contacts.edit' },
  { entity: 'companies', permission: 'contacts.edit' },
  { entity: 'deals', permission: 'deals.edit' },
  { entity: 'activities', permission: 'activities.edit' },
];

/** Step 1: what the file holds, then the file (dropped or chosen), uploaded with a progress bar. */
export function UploadStep({
  initialEntity,
  onUploaded,
}: {
  initialEntity: ImportEntity;
  onUploaded: (imp: Import) => void;
}) {
  const { t } = useTranslation('importExport');
  const can = useCan();
  const { csrfToken } = useSession();
  const [entity, setEntity] = useState<ImportEntity>(initialEntity);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isOver, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress({ name: file.name, fraction: 0 });
    try {
      onUploaded(
        await uploadImportFile(file, entity, csrfToken, (fraction) => setProgress({ name: file.name, fraction })),
      );
    } catch (err) {
      setError(err);
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };

  return (
    <Card>
      <div className="stack">
        <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">{t('wizard.upload.target')}</legend>
          <div className="ie-options">
            {ENTITIES.map(({ entity: e, permission }) => (
              <label
                key={e}
                className={can(permission) ? 'ie-option' : 'ie-option ie-option-disabled'}
                data-selected={e === entity}
              >
                <input
                  type="radio"
                  name="entity"
                  value={e}
                  checked={e === entity}
                  disabled={!can(permission)}
                  onChange={() => setEntity(e)}
                />
                <span className="ie-option-title">{t(`entities.${e}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div
          className="ie-dropzone"
          data-over={isOver}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <FileUp aria-hidden="true" />
          {progress ? (
            <div style={{ width: 'min(420px, 100%)' }}>
              <ProgressBar
                value={Math.round(progress.fraction * 100)}
                label={t('wizard.upload.uploading', { name: progress.name })}
                showValue
              />
            </div>
          ) : (
            <>
              <span className="ie-dropzone-title">{t('wizard.upload.drop')}</span>
              <span className="text-muted text-sm">{t('wizard.upload.or')}</span>
              <Button variant="primary" onClick={() => input.current?.click()}>
                {t('wizard.upload.choose')}
              </Button>
              <span className="ie-dropzone-hint">{t('wizard.upload.formats')}</span>
            </>
          )}
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,.vcf,text/csv,text/vcard"
            className="visually-hidden"
            aria-label={t('wizard.upload.choose')}
            data-testid="import-file"
            onChange={(e) => void send(e.target.files?.[0])}
          />
        </div>
        {error ? <FormError message={describeError(error, t)} /> : null}
      </div>
    </Card>
  );
}

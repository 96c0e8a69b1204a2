import type { ImportIssue } from '../../../../shared/contracts/import-export.js';
import type { Db } from '../../../platform/transaction.js';
import { contactIdsByKeys, type ContactImportContext } from '../../contacts/contacts-bulk.service.js';
import type { SourceRow } from '../parsing/row-source.js';
import { splitPhones } from '../values/scalars.js';
import type { CellReader } from './cells.js';

/**
 * The contact each row of a deals or activities file points at, by external id, email or phone
 * (looked up for the whole batch at once). A row that names a contact nobody has gets an issue.
 */
export async function resolveRowContacts(
  db: Db,
  ictx: ContactImportContext,
  reader: CellReader,
  rows: SourceRow[],
  externalSystem: string,
  issues: ImportIssue[][],
): Promise<Array<string | undefined>> {
  const keysOf = (row: SourceRow) => ({
    ext: reader.text(row.cells, 'contactExternalId'),
    email: reader.text(row.cells, 'contactEmail'),
    phone: reader.list(row.cells, 'contactPhone', splitPhones)[0],
  });
  const keys = rows.map(keysOf);
  const found = await contactIdsByKeys(
    db,
    ictx,
    {
      emails: keys.flatMap((k) => (k.email ? [k.email] : [])),
      phones: keys.flatMap((k) => (k.phone ? [k.phone] : [])),
      externalIds: keys.flatMap((k) => (k.ext ? [k.ext] : [])),
    },
    externalSystem,
  );
  return keys.map((k, i) => {
    const id =
      (k.ext && found.externalId.get(k.ext)) ||
      (k.email && found.email(k.email)) ||
      (k.phone && found.phone(k.phone)) ||
      undefined;
    if (!id && (k.ext || k.email || k.phone)) {
      const [field, value] = k.ext
        ? ['contactExternalId', k.ext]
        : k.email
          ? ['contactEmail', k.email]
          : ['contactPhone', k.phone!];
      issues[i].push(reader.issue(rows[i].line, field, `No contact matches "${value}"`));
    }
    return id;
  });
}

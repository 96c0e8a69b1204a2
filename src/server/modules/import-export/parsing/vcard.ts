// A small vCard (2.1, 3.0, 4.0) reader: enough for phone and Google/Apple/Outlook contact exports.
// Each card becomes one row under fixed headers, so the rest of the import treats it like a sheet.

export const VCARD_HEADERS = [
  'Full name',
  'First name',
  'Last name',
  'Email',
  'Email 2',
  'Email 3',
  'Phone',
  'Phone 2',
  'Phone 3',
  'Organization',
  'Title',
  'Birthday',
  'Street',
  'City',
  'Region',
  'Postal code',
  'Country',
  'Note',
  'Categories',
] as const;
const COL = Object.fromEntries(VCARD_HEADERS.map((h, i) => [h, i])) as Record<(typeof VCARD_HEADERS)[number], number>;

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

function unescape(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on `;` not preceded by a backslash. */
function components(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescape);
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseLine(line: string): Property | null {
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const [rawName, ...paramParts] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const p of paramParts) {
    const eq = p.indexOf('=');
    if (eq < 0) params.TYPE = `${params.TYPE ? `${params.TYPE},` : ''}${p}`;
    else params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1);
  }
  let value = line.slice(colon + 1);
  if (params.ENCODING?.toUpperCase() === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value);
  return { name: rawName.replace(/^[^.]+\./, '').toUpperCase(), params, value };
}

/** 19850315, 1985-03-15 (a year is needed: --0315 has none). */
function birthday(value: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

function cardToCells(props: Property[]): string[] {
  const cells: string[] = VCARD_HEADERS.map(() => '');
  const emails: string[] = [];
  const phones: string[] = [];
  for (const p of props) {
    switch (p.name) {
      case 'FN':
        cells[COL['Full name']] = unescape(p.value).trim();
        break;
      case 'N': {
        const [family = '', given = '', additional = ''] = components(p.value);
        cells[COL['First name']] = [given, additional].filter(Boolean).join(' ').trim();
        cells[COL['Last name']] = family.trim();
        break;
      }
      case 'EMAIL':
        emails.push(unescape(p.value).trim());
        break;
      case 'TEL':
        phones.push(unescape(p.value).replace(/^tel:/i, '').trim());
        break;
      case 'ORG':
        cells[COL.Organization] = components(p.value)[0]?.trim() ?? '';
        break;
      case 'TITLE':
        cells[COL.Title] = unescape(p.value).trim();
        break;
      case 'BDAY':
        cells[COL.Birthday] = birthday(p.value);
        break;
      case 'ADR': {
        const [, extended = '', street = '', city = '', region = '', postal = '', country = ''] = components(p.value);
        if (cells[COL.Street] || cells[COL.City]) break; // the first address only
        cells[COL.Street] = [street, extended].filter(Boolean).join(', ');
        Object.assign(cells, {
          [COL.City]: city,
          [COL.Region]: region,
          [COL['Postal code']]: postal,
          [COL.Country]: country,
        });
        break;
      }
      case 'NOTE':
        cells[COL.Note] = unescape(p.value);
        break;
      case 'CATEGORIES':
        cells[COL.Categories] = p.value
          .split(/(?<!\\),/)
          .map(unescape)
          .join(', ');
        break;
    }
  }
  emails
    .filter(Boolean)
    .slice(0, 3)
    .forEach((e, i) => (cells[COL.Email + i] = e));
  phones
    .filter(Boolean)
    .slice(0, 3)
    .forEach((t, i) => (cells[COL.Phone + i] = t));
  return cells;
}

/** Cards of a vCard stream as rows (folded and quoted-printable continuation lines joined). */
export async function* vcardRecords(lines: AsyncIterable<string>): AsyncGenerator<string[]> {
  let props: Property[] | null = null;
  let pending: string | null = null;
  const flush = () => {
    if (pending !== null && props) {
      const p = parseLine(pending);
      if (p) props.push(p);
    }
    pending = null;
  };
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '');
    if (pending !== null && /^[ \t]/.test(line)) {
      pending += line.slice(1);
      continue;
    }
    if (pending !== null && /ENCODING=QUOTED-PRINTABLE/i.test(pending) && pending.endsWith('=')) {
      pending = pending.slice(0, -1) + line;
      continue;
    }
    flush();
    if (/^BEGIN:VCARD$/i.test(line.trim())) props = [];
    else if (/^END:VCARD$/i.test(line.trim())) {
      if (props) yield cardToCells(props);
      props = null;
    } else if (props && line.trim()) pending = line;
  }
}

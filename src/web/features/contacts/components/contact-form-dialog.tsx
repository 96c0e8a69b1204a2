import { useState, type FormEvent } from 'react';
import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Dialog, Field, FormError, IconButton, Input, Select } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useCompanyOptions } from '../../companies';
import {
  contactKeys,
  createContact,
  updateContact,
  type Contact,
  type ContactInput,
  type ContactWithDuplicates,
} from '../api/contacts';
import { useContactSources, useContactTypes, useCustomFields, useTags } from '../api/config';
import { useMembers } from '../../settings';
import { useDuplicateCheck } from '../hooks/use-duplicate-check';
import { CustomFieldInput } from './custom-field-input';
import { DuplicateWarning } from './duplicate-warning';

const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

interface FormState {
  firstName: string;
  lastName: string;
  typeKey: string;
  sourceKey: string;
  ownerId: string;
  companyId: string;
  team: string;
  emails: Array<{ email: string; label: string }>;
  phones: Array<{ number: string; label: string }>;
  birthday: string;
  gender: string;
  preferredLanguage: string;
  doNotContact: boolean;
  city: string;
  country: string;
  line1: string;
  custom: Record<string, unknown>;
  tagIds: string[];
}

function initialState(c?: Contact): FormState {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    typeKey: c?.typeKey ?? '',
    sourceKey: c?.sourceKey ?? '',
    ownerId: c?.ownerId ?? '',
    companyId: c?.companyId ?? '',
    team: c?.team ?? '',
    emails: c?.emails.length
      ? c.emails.map((e) => ({ email: e.email, label: e.label ?? '' }))
      : [{ email: '', label: '' }],
    phones: c?.phones.length
      ? c.phones.map((p) => ({ number: p.raw ?? p.e164, label: p.label ?? '' }))
      : [{ number: '', label: '' }],
    birthday: c?.birthday ?? '',
    gender: c?.gender ?? '',
    preferredLanguage: c?.preferredLanguage ?? '',
    doNotContact: c?.doNotContact ?? false,
    city: c?.address?.city ?? '',
    country: c?.address?.country ?? '',
    line1: c?.address?.line1 ?? '',
    custom: { ...(c?.custom ?? {}) },
    tagIds: [],
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Create or edit a contact: type selector, emails and phones, custom fields; warns about likely duplicates while typing. */
export function ContactFormDialog({
  contact,
  onClose,
  onSaved,
}: {
  contact?: Contact;
  onClose: () => void;
  onSaved?: (c: ContactWithDuplicates) => void;
}) {
  const { t } = useTranslation('contacts');
  const [s, setS] = useState<FormState>(() => initialState(contact));
  const types = (useContactTypes().data ?? []).filter((x) => !x.isArchived || x.key === contact?.typeKey);
  const sources = (useContactSources().data ?? []).filter((x) => !x.isArchived || x.key === contact?.sourceKey);
  const members = useMembers().data ?? [];
  const fields = (useCustomFields().data ?? []).filter((f) => !f.isArchived);
  const tags = useTags().data ?? [];
  const companies = useCompanyOptions('').data ?? [];
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const duplicates = useDuplicateCheck({
    firstName: s.firstName,
    lastName: s.lastName,
    emails: s.emails.map((e) => e.email),
    phones: s.phones.map((p) => p.number),
    excludeId: contact?.id,
  });

  const payload = (): ContactInput => {
    const address =
      s.city || s.country || s.line1
        ? {
            ...(s.line1 ? { line1: s.line1 } : {}),
            ...(s.city ? { city: s.city } : {}),
            ...(s.country ? { country: s.country } : {}),
          }
        : null;
    const changedCustom = Object.fromEntries(
      fields
        .map((f) => [f.key, s.custom[f.key] ?? null])
        .filter(([k, v]) => !(contact && v === null && contact.custom[k as string] === undefined)),
    );
    return {
      firstName: s.firstName.trim(),
      lastName: orNull(s.lastName),
      typeKey: orNull(s.typeKey),
      sourceKey: orNull(s.sourceKey),
      ownerId: orNull(s.ownerId),
      companyId: orNull(s.companyId),
      team: orNull(s.team),
      emails: s.emails
        .filter((e) => e.email.trim())
        .map((e, i) => ({ email: e.email.trim(), label: orNull(e.label), isPrimary: i === 0 })),
      phones: s.phones
        .filter((p) => p.number.trim())
        .map((p, i) => ({ number: p.number.trim(), label: orNull(p.label), isPrimary: i === 0 })),
      birthday: orNull(s.birthday),
      gender: (orNull(s.gender) as ContactInput['gender']) ?? null,
      preferredLanguage: orNull(s.preferredLanguage),
      doNotContact: s.doNotContact,
      address,
      custom: contact ? changedCustom : Object.fromEntries(Object.entries(changedCustom).filter(([, v]) => v !== null)),
      ...(contact ? {} : { tagIds: s.tagIds }),
    };
  };
  // the server names fields with the index of the *sent* rows; map them back to the rows on screen
  const sentIndex = (rows: Array<{ value: string }>, i: number) =>
    rows.slice(0, i).filter((r) => r.value.trim()).length;
  const save = useApiMutation({
    mutationFn: () =>
      contact ? updateContact(contact.id, { ...payload(), version: contact.version }) : createContact(payload()),
    invalidate: [contactKeys.all],
    successMessage: (c) =>
      c.duplicates.length
        ? t('form.savedWithDuplicates', { name: c.fullName, count: c.duplicates.length })
        : contact
          ? t('form.updated', { name: c.fullName })
          : t('form.created', { name: c.fullName }),
    onSuccess: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  const err = (field: string) => fieldError(save.error, field);
  const formId = contact ? 'contact-edit-form' : 'contact-create-form';
  const otherError =
    save.error && !(isApiError(save.error) && save.error.hasFieldErrors) ? describeError(save.error, t) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={contact ? t('form.editTitle', { name: contact.fullName }) : t('form.createTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} isLoading={save.isPending}>
            {contact ? t('common:saveChanges') : t('form.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="contact-form" onSubmit={onSubmit} noValidate>
        <FormError message={otherError ?? err('typeKey') ?? undefined} />
        <DuplicateWarning matches={duplicates} />
        <fieldset className="contact-form-types">
          <legend>{t('fields.type')}</legend>
          <div className="type-selector" role="radiogroup" aria-label={t('fields.type')}>
            {types.map((type) => (
              <label key={type.key} className="type-option" data-checked={s.typeKey === type.key}>
                <input
                  type="radio"
                  name="typeKey"
                  value={type.key}
                  checked={s.typeKey === type.key}
                  onChange={() => set('typeKey', type.key)}
                />
                <span className="type-swatch" style={{ background: type.color }} aria-hidden />
                {type.label}
              </label>
            ))}
            <label className="type-option" data-checked={!s.typeKey}>
              <input type="radio" name="typeKey" value="" checked={!s.typeKey} onChange={() => set('typeKey', '')} />
              {t('form.noType')}
            </label>
          </div>
        </fieldset>
        <div className="form-grid">
          <Field label={t('fields.firstName')} isRequired error={err('firstName')}>
            <Input
              name="firstName"
              value={s.firstName}
              onChange={(e) => set('firstName', e.target.value)}
              maxLength={100}
              autoFocus
            />
          </Field>
          <Field label={t('fields.lastName')} error={err('lastName')}>
            <Input
              name="lastName"
              value={s.lastName}
              onChange={(e) => set('lastName', e.target.value)}
              maxLength={100}
            />
          </Field>
        </div>
        <fieldset className="filter-group">
          <legend>{t('fields.phones')}</legend>
          {s.phones.map((p, i) => (
            <div className="repeat-row" key={i}>
              <Field
                label={t('form.phoneN', { n: i + 1 })}
                error={err(
                  `phones.${sentIndex(
                    s.phones.map((x) => ({ value: x.number })),
                    i,
                  )}.number`,
                )}
                hint={i === 0 ? t('form.phoneHint') : undefined}
              >
                <Input
                  name={`phone-${i}`}
                  type="tel"
                  value={p.number}
                  onChange={(e) =>
                    set(
                      'phones',
                      s.phones.map((x, j) => (j === i ? { ...x, number: e.target.value } : x)),
                    )
                  }
                />
              </Field>
              <Field label={t('form.label')}>
                <Input
                  value={p.label}
                  placeholder={t('form.phoneLabelPlaceholder')}
                  onChange={(e) =>
                    set(
                      'phones',
                      s.phones.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                    )
                  }
                />
              </Field>
              {s.phones.length > 1 && (
                <IconButton
                  label={t('form.removePhone')}
                  icon={<X />}
                  onClick={() =>
                    set(
                      'phones',
                      s.phones.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </div>
          ))}
          <Button
            size="sm"
            variant="ghost"
            icon={<Plus />}
            onClick={() => set('phones', [...s.phones, { number: '', label: '' }])}
          >
            {t('form.addPhone')}
          </Button>
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('fields.emails')}</legend>
          {s.emails.map((m, i) => (
            <div className="repeat-row" key={i}>
              <Field
                label={t('form.emailN', { n: i + 1 })}
                error={err(
                  `emails.${sentIndex(
                    s.emails.map((x) => ({ value: x.email })),
                    i,
                  )}.email`,
                )}
              >
                <Input
                  name={`email-${i}`}
                  type="email"
                  value={m.email}
                  onChange={(e) =>
                    set(
                      'emails',
                      s.emails.map((x, j) => (j === i ? { ...x, email: e.target.value } : x)),
                    )
                  }
                />
              </Field>
              <Field label={t('form.label')}>
                <Input
                  value={m.label}
                  placeholder={t('form.emailLabelPlaceholder')}
                  onChange={(e) =>
                    set(
                      'emails',
                      s.emails.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                    )
                  }
                />
              </Field>
              {s.emails.length > 1 && (
                <IconButton
                  label={t('form.removeEmail')}
                  icon={<X />}
                  onClick={() =>
                    set(
                      'emails',
                      s.emails.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </div>
          ))}
          <Button
            size="sm"
            variant="ghost"
            icon={<Plus />}
            onClick={() => set('emails', [...s.emails, { email: '', label: '' }])}
          >
            {t('form.addEmail')}
          </Button>
        </fieldset>
        <div className="form-grid">
          <Field label={t('fields.source')} error={err('sourceKey')}>
            <Select value={s.sourceKey} onChange={(e) => set('sourceKey', e.target.value)}>
              <option value="">{t('form.none')}</option>
              {sources.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.owner')} error={err('ownerId')}>
            <Select value={s.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
              <option value="">{t('filters.unassigned')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.company')} error={err('companyId')}>
            <Select value={s.companyId} onChange={(e) => set('companyId', e.target.value)}>
              <option value="">{t('form.none')}</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.team')} error={err('team')}>
            <Input value={s.team} onChange={(e) => set('team', e.target.value)} maxLength={100} />
          </Field>
          <Field label={t('fields.birthday')} error={err('birthday')}>
            <Input type="date" value={s.birthday} onChange={(e) => set('birthday', e.target.value)} />
          </Field>
          <Field label={t('fields.gender')} error={err('gender')}>
            <Select value={s.gender} onChange={(e) => set('gender', e.target.value)}>
              <option value="">{t('form.none')}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`genders.${g}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.preferredLanguage')} error={err('preferredLanguage')} hint={t('form.languageHint')}>
            <Input
              value={s.preferredLanguage}
              onChange={(e) => set('preferredLanguage', e.target.value)}
              maxLength={6}
            />
          </Field>
          <Field label={t('fields.address')} error={err('address.line1')}>
            <Input value={s.line1} onChange={(e) => set('line1', e.target.value)} maxLength={200} />
          </Field>
          <Field label={t('fields.city')} error={err('address.city')}>
            <Input value={s.city} onChange={(e) => set('city', e.target.value)} maxLength={100} />
          </Field>
          <Field label={t('fields.country')} error={err('address.country')}>
            <Input value={s.country} onChange={(e) => set('country', e.target.value)} maxLength={100} />
          </Field>
        </div>
        {fields.length > 0 && (
          <fieldset className="filter-group">
            <legend>{t('form.customFields')}</legend>
            <div className="form-grid">
              {fields.map((f) => (
                <CustomFieldInput
                  key={f.key}
                  field={f}
                  value={s.custom[f.key]}
                  error={err(`custom.${f.key}`)}
                  onChange={(v) => set('custom', { ...s.custom, [f.key]: v })}
                />
              ))}
            </div>
          </fieldset>
        )}
        {!contact && tags.length > 0 && (
          <fieldset className="filter-group">
            <legend>{t('fields.tags')}</legend>
            <div className="filter-choices">
              {tags.map((tag) => (
                <Checkbox
                  key={tag.id}
                  label={tag.name}
                  checked={s.tagIds.includes(tag.id)}
                  onChange={() =>
                    set(
                      'tagIds',
                      s.tagIds.includes(tag.id) ? s.tagIds.filter((x) => x !== tag.id) : [...s.tagIds, tag.id],
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
        )}
        <Checkbox
          label={t('doNotContact')}
          hint={t('form.doNotContactHint')}
          checked={s.doNotContact}
          onChange={(e) => set('doNotContact', e.target.checked)}
        />
      </form>
    </Dialog>
  );
}

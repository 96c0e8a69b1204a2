import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, FormError, Input, Select } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { COMPANY_SIZES } from '../../../../shared/contracts/companies';
import { contactKeys, CustomFieldInput, useCustomFields } from '../../contacts';
import { useMembers } from '../../settings';
import { companyKeys, createCompany, updateCompany, type Company } from '../api/companies';

/** Create or edit a company: name, domain, industry, size, owner, address, custom fields. */
export function CompanyFormDialog({
  company,
  onClose,
  onSaved,
}: {
  company?: Company;
  onClose: () => void;
  onSaved?: (c: Company) => void;
}) {
  const { t } = useTranslation('companies');
  const members = useMembers().data ?? [];
  const fields = (useCustomFields('company').data ?? []).filter((f) => !f.isArchived);
  const [name, setName] = useState(company?.name ?? '');
  const [domain, setDomain] = useState(company?.domain ?? '');
  const [industry, setIndustry] = useState(company?.industry ?? '');
  const [size, setSize] = useState(company?.size ?? '');
  const [ownerId, setOwnerId] = useState(company?.ownerId ?? '');
  const [city, setCity] = useState(company?.address?.city ?? '');
  const [country, setCountry] = useState(company?.address?.country ?? '');
  const [custom, setCustom] = useState<Record<string, unknown>>({ ...(company?.custom ?? {}) });
  const body = () => ({
    name: name.trim(),
    domain: domain.trim() || null,
    industry: industry.trim() || null,
    size: (size || null) as (typeof COMPANY_SIZES)[number] | null,
    ownerId: ownerId || null,
    address: city || country ? { ...(city ? { city } : {}), ...(country ? { country } : {}) } : null,
    custom: Object.fromEntries(
      fields
        .map((f) => [f.key, custom[f.key] ?? null])
        .filter(([k, v]) => !(v === null && company?.custom[k as string] === undefined)),
    ),
  });
  const save = useApiMutation({
    mutationFn: () =>
      company ? updateCompany(company.id, { ...body(), version: company.version }) : createCompany(body()),
    invalidate: [companyKeys.all, contactKeys.all],
    successMessage: (c) => (company ? t('form.updated', { name: c.name }) : t('form.created', { name: c.name })),
    onSuccess: (c) => {
      onSaved?.(c);
      onClose();
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  const formId = company ? 'company-edit-form' : 'company-create-form';
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={company ? t('form.editTitle', { name: company.name }) : t('form.createTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} isLoading={save.isPending}>
            {company ? t('common:saveChanges') : t('form.create')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="contact-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <FormError
          message={
            save.error && !(isApiError(save.error) && save.error.hasFieldErrors) ? describeError(save.error, t) : null
          }
        />
        <div className="form-grid">
          <Field label={t('fields.name')} isRequired error={err('name')}>
            <Input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
          </Field>
          <Field label={t('fields.domain')} error={err('domain')} hint={t('form.domainHint')}>
            <Input value={domain} onChange={(e) => setDomain(e.target.value)} />
          </Field>
          <Field label={t('fields.industry')} error={err('industry')}>
            <Input value={industry} onChange={(e) => setIndustry(e.target.value)} maxLength={100} />
          </Field>
          <Field label={t('fields.size')} error={err('size')}>
            <Select value={size} onChange={(e) => setSize(e.target.value)}>
              <option value="">—</option>
              {COMPANY_SIZES.map((s) => (
                <option key={s} value={s}>
                  {t('form.employees', { size: s })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.owner')} error={err('ownerId')}>
            <Select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">—</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.city')} error={err('address.city')}>
            <Input value={city} onChange={(e) => setCity(e.target.value)} maxLength={100} />
          </Field>
          <Field label={t('fields.country')} error={err('address.country')}>
            <Input value={country} onChange={(e) => setCountry(e.target.value)} maxLength={100} />
          </Field>
          {fields.map((f) => (
            <CustomFieldInput
              key={f.key}
              field={f}
              value={custom[f.key]}
              error={err(`custom.${f.key}`)}
              onChange={(v) => setCustom({ ...custom, [f.key]: v })}
            />
          ))}
        </div>
      </form>
    </Dialog>
  );
}

/**
 * What other features use from Contacts. Anything not exported here is the feature's own.
 * The stylesheet comes along: companies' pages share the contacts list and detail layout.
 */
import './components/contacts.css';

export { ContactsTabs } from './components/contacts-tabs';
export { CustomFieldInput } from './components/custom-field-input';
export { NotesCard } from './components/notes-card';
export {
  contactSourceKeys,
  contactTypeKeys,
  customFieldKeys,
  tagKeys,
  useContactSources,
  useContactTypes,
  useCustomFields,
  useTags,
  type ContactSource,
  type ContactType,
  type CustomField,
  type Tag,
} from './api/config';
export { contactKeys, useCompanyContacts, useContactSearch, type SearchHit } from './api/contacts';
export { badgeColor, PICKER_COLORS } from './lib/colors';
export { formatPhone } from './lib/phone';

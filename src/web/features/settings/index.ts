/** What other features use from Settings: the section header of a settings page, and the workspace's members. */
export { SectionHeader } from './components/section-header';
export type { SettingsSection } from './settings-section';
export { memberKeys, useMembers, type Member } from './api/users';

/**
 * The design system. Import components from here (`import { Button, Field } from '../../design'`)
 * and style with the variables in tokens.css; never add one-off colours or spacing.
 */
import './tokens.css';
import './base.css';

export { cx } from './cx';
export {
  Button,
  IconButton,
  ButtonLink,
  type ButtonProps,
  type IconButtonProps,
  type ButtonVariant,
} from './components/button';
export {
  Input,
  Textarea,
  Select,
  Checkbox,
  type SelectOption,
  type InputProps,
  type SelectProps,
} from './components/inputs';
export { Field, FormError, useFieldControl } from './components/field';
export { Dialog, Drawer, type DialogProps, type DrawerProps } from './components/dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './components/confirm-dialog';
export {
  DataTable,
  type Column,
  type DataTableProps,
  type SortState,
  type SortDirection,
} from './components/data-table';
export {
  Badge,
  Tag,
  Avatar,
  Tooltip,
  Skeleton,
  SkeletonText,
  EmptyState,
  ProgressBar,
  initials,
  TAG_COLORS,
  type TagColor,
  type BadgeProps,
  type EmptyStateProps,
} from './components/feedback';
export { Tabs, TabLinks, type TabItem, type TabLinkItem } from './components/tabs';
export { ToastProvider, useToast, type Toaster, type ToastInput } from './components/toast';
export { Page, PageHeader, Card, LoadMore, type PageHeaderProps, type CardProps } from './components/layout';
export { Menu, type MenuEntry, type MenuTriggerProps } from './components/menu';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cx } from '../cx';
import { IconButton } from './button';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons along the bottom edge. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Renders as a side panel instead of a centred box. */
  placement?: 'center' | 'right' | 'left';
  className?: string;
}

const FIRST_FOCUS =
  ['input', 'select', 'textarea'].map((tag) => `.dialog-body ${tag}:not([disabled]):not([type="hidden"])`).join(', ') +
  ', .dialog-footer button:not([disabled])';

/**
 * A modal on the native <dialog>: the browser traps focus and makes the page behind inert;
 * Esc and a click on the backdrop close it; focus returns to where it was.
 */
export function Dialog({ open, ...rest }: DialogProps) {
  return open ? <OpenDialog {...rest} /> : null;
}

function OpenDialog({
  onClose,
  title,
  description,
  children,
  footer,
  size = 'md',
  placement = 'center',
  className,
}: Omit<DialogProps, 'open'>) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { t } = useTranslation('common');
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    const returnFocusTo = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // The browser would focus the close button; start in the first field, else on the first footer button.
      dialog.querySelector<HTMLElement>(FIRST_FOCUS)?.focus();
    }
    return () => {
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={cx(
        'dialog',
        size !== 'md' && `dialog-${size}`,
        placement !== 'center' && 'drawer',
        placement === 'left' && 'drawer-left',
        className,
      )}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(e) => {
        if (e.target === ref.current) onCloseRef.current();
      }}
    >
      <div className="dialog-header">
        <div className="grow">
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {description && (
            <p className="dialog-description" id={descriptionId}>
              {description}
            </p>
          )}
        </div>
        <IconButton label={t('close')} icon={<X />} size="sm" onClick={() => onCloseRef.current()} />
      </div>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </dialog>
  );
}

export type DrawerProps = Omit<DialogProps, 'placement' | 'size'> & { side?: 'right' | 'left' };

/** A side panel (record details, mobile navigation) with the same focus and Esc behaviour as Dialog. */
export function Drawer({ side = 'right', ...rest }: DrawerProps) {
  return <Dialog placement={side} {...rest} />;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './toast.css';

export type ToastTone = 'success' | 'error' | 'info';
export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it hides itself; errors stay longer. */
  duration?: number;
}
interface ToastItem extends Required<Pick<ToastInput, 'title' | 'tone'>> {
  id: number;
  description?: string;
}

export interface Toaster {
  show: (toast: ToastInput) => void;
  success: (title: string, description?: string) => void;
  error: (title: string, description?: string) => void;
  info: (title: string, description?: string) => void;
}

const ToastContext = createContext<Toaster | null>(null);
const ICONS = { success: CircleCheck, error: CircleAlert, info: Info } as const;

/** Gives every action visible feedback: `const toast = useToast(); toast.success('Saved')`. */
export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs <ToastProvider>');
  return toaster;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const regionRef = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('common');

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const show = useCallback(
    ({ title, description, tone = 'info', duration }: ToastInput) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { id, title, description, tone }]);
      window.setTimeout(() => dismiss(id), duration ?? (tone === 'error' ? 8000 : 4000));
    },
    [dismiss],
  );
  const toaster = useMemo<Toaster>(
    () => ({
      show,
      success: (title, description) => show({ title, description, tone: 'success' }),
      error: (title, description) => show({ title, description, tone: 'error' }),
      info: (title, description) => show({ title, description, tone: 'info' }),
    }),
    [show],
  );

  // The region is a popover so it sits in the top layer, above an open modal dialog; re-showing moves it to the top.
  useEffect(() => {
    const region = regionRef.current;
    if (!region?.showPopover) return;
    if (region.matches(':popover-open')) region.hidePopover();
    region.showPopover();
  }, [toasts]);

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div ref={regionRef} className="toast-region" popover="manual" role="region" aria-label={t('notifications')}>
        <div aria-live="polite" className="stack-sm">
          {toasts.map((toast) => {
            const Icon = ICONS[toast.tone];
            return (
              <div
                key={toast.id}
                className={`toast toast-${toast.tone}`}
                role={toast.tone === 'error' ? 'alert' : 'status'}
              >
                <Icon className="toast-icon" aria-hidden />
                <div className="grow">
                  <div className="toast-title">{toast.title}</div>
                  {toast.description && <div className="toast-description">{toast.description}</div>}
                </div>
                <button
                  type="button"
                  className="toast-close"
                  aria-label={t('dismiss')}
                  onClick={() => dismiss(toast.id)}
                >
                  <X />
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

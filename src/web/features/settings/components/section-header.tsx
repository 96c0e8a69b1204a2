import type { ReactNode } from 'react';
import { Info } from 'lucide-react';

/** The title row of a settings section. */
export function SectionHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="settings-section-header">
      <div>
        <h2>{title}</h2>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}

/** Says why controls are disabled, instead of leaving people to guess. */
export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return (
    <p className="settings-readonly" role="note">
      <Info aria-hidden />
      {children}
    </p>
  );
}

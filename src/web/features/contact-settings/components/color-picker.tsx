import { useTranslation } from 'react-i18next';
import { PICKER_COLORS } from '../../contacts';

/** A row of palette swatches (radio buttons), so configured colours stay within the design system. */
export function ColorPicker({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (hex: string) => void;
  label: string;
}) {
  const { t } = useTranslation('contactSettings');
  return (
    <div className="swatches" role="radiogroup" aria-label={label}>
      {PICKER_COLORS.map(({ hex, color }) => (
        <label key={hex} className={`swatch badge-${color}`} data-checked={value.toLowerCase() === hex}>
          <input
            type="radio"
            name={label}
            value={hex}
            checked={value.toLowerCase() === hex}
            onChange={() => onChange(hex)}
            aria-label={t(`colors.${color}`)}
          />
        </label>
      ))}
    </div>
  );
}

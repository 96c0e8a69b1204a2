import type { TagColor } from '../../../design';

// Configured colours (types, tags) are stored as hex; the design system draws badges in a fixed palette,
// so each hex is shown as the palette colour nearest in hue.
const PALETTE: Array<[TagColor, number]> = [
  ['red', 0],
  ['amber', 35],
  ['green', 145],
  ['teal', 175],
  ['blue', 215],
  ['purple', 265],
  ['pink', 330],
];

export function badgeColor(hex: string | null | undefined): TagColor {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return 'gray';
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.2) return 'gray';
  const d = max - min;
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h = (h * 60 + 360) % 360;
  let best: TagColor = 'gray';
  let bestDistance = 999;
  for (const [name, hue] of PALETTE) {
    const distance = Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue));
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Hex values offered by colour pickers, one per palette colour. */
export const PICKER_COLORS: Array<{ hex: string; color: TagColor }> = [
  { hex: '#64748b', color: 'gray' },
  { hex: '#3b82f6', color: 'blue' },
  { hex: '#10b981', color: 'green' },
  { hex: '#14b8a6', color: 'teal' },
  { hex: '#f59e0b', color: 'amber' },
  { hex: '#ef4444', color: 'red' },
  { hex: '#a855f7', color: 'purple' },
  { hex: '#ec4899', color: 'pink' },
];

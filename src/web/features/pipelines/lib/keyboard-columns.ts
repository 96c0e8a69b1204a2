import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard dragging across a board: Left/Right jump to the neighbouring column, Up/Down nudge within
 * one. (Space or Enter picks a card up and drops it; Escape cancels.)
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const columns = [...context.droppableRects.entries()]
    .map(([id, rect]) => ({ id, rect }))
    .sort((a, b) => a.rect.left - b.rect.left);
  const x = currentCoordinates.x;
  const index = columns.findIndex((c) => x >= c.rect.left - 1 && x < c.rect.left + c.rect.width);
  const step = (delta: number) => {
    const target = columns[Math.min(columns.length - 1, Math.max(0, (index < 0 ? 0 : index) + delta))];
    return target
      ? { x: target.rect.left + 8, y: Math.max(currentCoordinates.y, target.rect.top + 48) }
      : currentCoordinates;
  };
  switch (event.code) {
    case KeyboardCode.Right:
      event.preventDefault();
      return step(1);
    case KeyboardCode.Left:
      event.preventDefault();
      return step(-1);
    case KeyboardCode.Down:
      event.preventDefault();
      return { ...currentCoordinates, y: currentCoordinates.y + 40 };
    case KeyboardCode.Up:
      event.preventDefault();
      return { ...currentCoordinates, y: currentCoordinates.y - 40 };
    default:
      return undefined;
  }
};

import { useCallback, useState } from 'react';

/** useState that survives reloads on this device (localStorage), for UI preferences like a collapsed sidebar. */
export function usePersistentState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage can be full or disabled; the preference then lasts for this visit only.
      }
    },
    [key],
  );
  return [value, set];
}

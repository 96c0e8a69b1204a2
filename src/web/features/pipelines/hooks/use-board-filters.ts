import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { BoardFilters } from '../api/board';

const KEYS = ['ownerId', 'source', 'tags', 'custom', 'createdFrom', 'createdTo', 'q'] as const;

/** Board and list filters live in the URL, so a filtered board can be shared and survives reloads. */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: BoardFilters = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const setFilters = (next: BoardFilters) => {
    const out = new URLSearchParams(params);
    for (const k of KEYS) {
      const v = next[k]?.trim();
      if (v) out.set(k, v);
      else out.delete(k);
    }
    setParams(out, { replace: true });
  };
  const count = KEYS.filter((k) => filters[k]).length;
  return { filters, setFilters, count };
}

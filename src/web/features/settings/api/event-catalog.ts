import { useQuery } from '@tanstack/react-query';
import type { EventCatalog, EventCatalogEntry } from '../../../../shared/contracts/events';
import { http } from '../../../lib/api';

export type { EventCatalogEntry };

export const eventCatalogKey = ['events', 'catalog'] as const;
export const fetchEventCatalog = () => http.get<EventCatalog>('/events/catalog').then((r) => r.items);
/** The catalog changes only with a new version of the server. */
export function useEventCatalog() {
  return useQuery({ queryKey: eventCatalogKey, queryFn: fetchEventCatalog, staleTime: Infinity });
}

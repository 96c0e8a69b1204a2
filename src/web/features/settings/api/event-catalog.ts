import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EventCatalog, EventCatalogEntry } from '../../../../shared/contracts/events';
import { http } from '../../../lib/api';

export type { EventCatalogEntry };

export const fetchEventCatalog = () => http.get<EventCatalog>('/events/catalog').then((r) => r.items);
export const eventCatalogKeys = {
  all: ['events', 'catalog'] as const,
  // the catalog changes only with a new version of the server
  list: () => queryOptions({ queryKey: eventCatalogKeys.all, queryFn: fetchEventCatalog, staleTime: Infinity }),
};
export function useEventCatalog() {
  return useQuery(eventCatalogKeys.list());
}

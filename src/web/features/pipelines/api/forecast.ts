import { useQuery } from '@tanstack/react-query';
import type { Forecast } from '../../../../shared/contracts/deals';
import { http } from '../../../lib/api';

export type { Forecast };

export function useForecast(
  pipelineId: string,
  params: { from?: string; to?: string; interval: 'month' | 'quarter'; ownerId?: string },
) {
  return useQuery({
    queryKey: ['deals', 'forecast', pipelineId, params],
    queryFn: () => http.get<Forecast>(`/pipelines/${pipelineId}/forecast`, params),
    placeholderData: (prev) => prev,
  });
}

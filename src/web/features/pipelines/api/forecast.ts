import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Forecast, ForecastQuery } from '../../../../shared/contracts/deals';
import { http } from '../../../lib/api';
import { dealKeys } from './deals';

export type { Forecast };
export type ForecastParams = z.input<typeof ForecastQuery>;

/** Under the deals key: any deal change refreshes the forecast. */
export const forecastKeys = {
  all: [...dealKeys.all, 'forecast'] as const,
  detail: (pipelineId: string, params: ForecastParams) =>
    queryOptions({
      queryKey: [...forecastKeys.all, pipelineId, params],
      queryFn: () => http.get<Forecast>(`/pipelines/${pipelineId}/forecast`, params),
      placeholderData: (prev: Forecast | undefined) => prev,
    }),
};

export function useForecast(pipelineId: string, params: ForecastParams) {
  return useQuery(forecastKeys.detail(pipelineId, params));
}

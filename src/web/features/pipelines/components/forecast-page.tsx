import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, DataTable, FormError, Input, Page, Select, Skeleton } from '../../../design';
import { fromMinorUnits, toMinorUnits, useFormat } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useForecast, type Forecast } from '../api/forecast';
import { usePipelinePage } from '../hooks/use-pipeline-page';
import { Chart, token } from './forecast-chart';
import { PipelineHeader } from './pipeline-header';
import './pipelines.css';

type Reason = Forecast['reasons']['won'][number];

/** Weighted value by expected close month, won and lost by period, and why items were won or lost. */
export function ForecastPage() {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const { pipeline, pipelines, page } = usePipelinePage('forecast');
  const [interval, setInterval] = useState<'month' | 'quarter'>('month');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const forecast = useForecast(pipeline?.id ?? '', { ...range, interval });
  const data = forecast.data;
  const currency = pipeline?.currency ?? 'USD';
  const major = (minor: number) => fromMinorUnits(minor, currency);

  const openOption = useMemo(() => {
    if (!data) return null;
    return {
      color: [token('--color-accent'), token('--color-border-strong')],
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => format.money(toMinorUnits(v, currency), currency) },
      legend: { bottom: 0, textStyle: { color: token('--color-text-muted') } },
      grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.openByCloseMonth.map((p) => p.period),
        axisLabel: { color: token('--color-text-muted') },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: token('--color-text-muted') },
        splitLine: { lineStyle: { color: token('--color-border') } },
      },
      series: [
        {
          name: t('forecast.weighted'),
          type: 'bar',
          data: data.openByCloseMonth.map((p) => major(p.weightedValue)),
          barMaxWidth: 28,
        },
        {
          name: t('forecast.total'),
          type: 'line',
          data: data.openByCloseMonth.map((p) => major(p.valueSum)),
          symbolSize: 5,
        },
      ],
    };
  }, [data, t, format, currency]); // eslint-disable-line react-hooks/exhaustive-deps

  const closedOption = useMemo(() => {
    if (!data) return null;
    return {
      color: [token('--color-success'), token('--color-danger')],
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: { color: token('--color-text-muted') } },
      grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.closedByPeriod.map((p) => p.period),
        axisLabel: { color: token('--color-text-muted') },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: token('--color-text-muted') },
        splitLine: { lineStyle: { color: token('--color-border') } },
      },
      series: [
        {
          name: t('forecast.won'),
          type: 'bar',
          stack: 'closed',
          data: data.closedByPeriod.map((p) => major(p.wonValue)),
          barMaxWidth: 28,
        },
        {
          name: t('forecast.lost'),
          type: 'bar',
          stack: 'closed',
          data: data.closedByPeriod.map((p) => major(p.lostValue)),
          barMaxWidth: 28,
        },
      ],
    };
  }, [data, t]); // eslint-disable-line react-hooks/exhaustive-deps

  if (page) return page;
  if (!pipeline) return null;
  const sum = (f: (p: Forecast['openByCloseMonth'][number]) => number) =>
    (data?.openByCloseMonth ?? []).reduce((a, p) => a + f(p), 0);
  const won = (data?.closedByPeriod ?? []).reduce(
    (a, p) => ({ count: a.count + p.wonCount, value: a.value + p.wonValue, lost: a.lost + p.lostCount }),
    { count: 0, value: 0, lost: 0 },
  );
  const reasonColumns = [
    { key: 'reason', header: t('forecast.reason'), cell: (r: Reason) => r.reason || t('forecast.noReason') },
    { key: 'count', header: t('forecast.count'), align: 'right' as const, cell: (r: Reason) => format.number(r.count) },
    {
      key: 'value',
      header: t('forecast.value'),
      align: 'right' as const,
      cell: (r: Reason) => format.money(r.valueSum, currency),
    },
  ];
  return (
    <Page wide className="pipeline-page">
      <PipelineHeader pipeline={pipeline} pipelines={pipelines} view="forecast" />
      <div className="forecast-toolbar row">
        <Select
          size="sm"
          aria-label={t('forecast.interval')}
          value={interval}
          onChange={(e) => setInterval(e.target.value as 'month' | 'quarter')}
          options={[
            { value: 'month', label: t('forecast.byMonth') },
            { value: 'quarter', label: t('forecast.byQuarter') },
          ]}
        />
        <label className="row text-muted">
          {t('forecast.from')}
          <Input
            size="sm"
            type="month"
            value={range.from ?? data?.from ?? ''}
            onChange={(e) => setRange({ ...range, from: e.target.value || undefined })}
          />
        </label>
        <label className="row text-muted">
          {t('forecast.to')}
          <Input
            size="sm"
            type="month"
            value={range.to ?? data?.to ?? ''}
            onChange={(e) => setRange({ ...range, to: e.target.value || undefined })}
          />
        </label>
      </div>
      {forecast.isError && <FormError message={describeError(forecast.error, t)} />}
      <div className="forecast-kpis">
        <Card>
          <div className="kpi-label">{t('forecast.weightedOpen')}</div>
          <div className="kpi-value">
            {format.money(sum((p) => p.weightedValue) + (data?.noCloseDate.weightedValue ?? 0), currency)}
          </div>
          <div className="text-subtle">
            {t('forecast.ofTotal', {
              total: format.money(sum((p) => p.valueSum) + (data?.noCloseDate.valueSum ?? 0), currency),
            })}
          </div>
        </Card>
        <Card>
          <div className="kpi-label">{t('forecast.wonInRange')}</div>
          <div className="kpi-value">{format.money(won.value, currency)}</div>
          <div className="text-subtle">{t('forecast.wonCount', { count: won.count })}</div>
        </Card>
        <Card>
          <div className="kpi-label">{t('forecast.winRate')}</div>
          <div className="kpi-value">
            {won.count + won.lost ? `${Math.round((won.count / (won.count + won.lost)) * 100)}%` : '—'}
          </div>
          <div className="text-subtle">{t('forecast.closedCount', { count: won.count + won.lost })}</div>
        </Card>
        <Card>
          <div className="kpi-label">{t('forecast.noDate')}</div>
          <div className="kpi-value">{format.number(data?.noCloseDate.count ?? 0)}</div>
          <div className="text-subtle">{format.money(data?.noCloseDate.valueSum ?? 0, currency)}</div>
        </Card>
      </div>
      <div className="forecast-grid">
        <Card title={t('forecast.openTitle')} description={t('forecast.openText')}>
          {openOption ? <Chart option={openOption} label={t('forecast.openTitle')} /> : <Skeleton height={280} />}
        </Card>
        <Card title={t('forecast.closedTitle')} description={t('forecast.closedText')}>
          {closedOption ? <Chart option={closedOption} label={t('forecast.closedTitle')} /> : <Skeleton height={280} />}
        </Card>
        <Card title={t('forecast.lostReasons')} flush>
          <DataTable
            label={t('forecast.lostReasons')}
            columns={reasonColumns}
            rows={data?.reasons.lost ?? []}
            getRowId={(r) => r.reason}
            isLoading={forecast.isPending}
            empty={<p className="text-subtle forecast-empty">{t('forecast.noneYet')}</p>}
          />
        </Card>
        <Card title={t('forecast.wonReasons')} flush>
          <DataTable
            label={t('forecast.wonReasons')}
            columns={reasonColumns}
            rows={data?.reasons.won ?? []}
            getRowId={(r) => r.reason}
            isLoading={forecast.isPending}
            empty={<p className="text-subtle forecast-empty">{t('forecast.noneYet')}</p>}
          />
        </Card>
      </div>
    </Page>
  );
}

/** The Trends panel: the category and question-type filters and the weekly score and metric charts. */
import { useId } from 'react';
import type { ProgressFilter, ProgressSummary } from '@shared/contract';
import { formatAxisSeconds, plural } from '../../lib/format';
import { StateMessage } from '../ui/StateMessage';
import { TrendChart, type TrendSeries } from '../charts/TrendChart';

const scoreSeries: TrendSeries[] = [
  { key: 'clarity', label: 'Clarity', color: 'clarity' },
  { key: 'rigor', label: 'Rigor', color: 'rigor' },
  { key: 'speed', label: 'Speed', color: 'speed' },
];

const metricCharts: { title: string; series: TrendSeries }[] = [
  { title: 'Think time', series: { key: 'thinkTime', label: 'Think time', color: 'metric' } },
  { title: 'Talk time', series: { key: 'talkTime', label: 'Talk time', color: 'metric' } },
  { title: 'Overrun', series: { key: 'overrun', label: 'Overrun', color: 'overrun' } },
  { title: 'Ramble time', series: { key: 'ramble', label: 'Ramble time', color: 'metric' } },
];

const formatScore = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

type Props = {
  summary: ProgressSummary;
  filter: ProgressFilter;
  /** True while the charts still show another filter's (or an older) summary. */
  updating: boolean;
  onFilterChange: (filter: ProgressFilter) => void;
  questionTypeTitle: (id: string) => string;
};

export function ProgressTrends({ summary, filter, updating, onFilterChange, questionTypeTitle }: Props) {
  const categoryId = useId();
  const typeId = useId();
  const trends = summary.trends;
  const matching = trends.reduce((n, w) => n + w.rounds, 0);
  return (
    <section className="panel progress-section" aria-labelledby="progress-trends" aria-busy={updating}>
      <div className="progress-section-head">
        <div>
          <h2 id="progress-trends">Trends</h2>
          <p className="progress-note" role="status">
            {updating ? 'Updating… ' : ''}Weekly averages of {plural(matching, 'round')} across{' '}
            {plural(trends.length, 'week')}.
          </p>
        </div>
        <div className="progress-filters">
          <div>
            <label className="field-label" htmlFor={categoryId}>
              Category
            </label>
            <select
              id={categoryId}
              className="select"
              value={filter.category ?? ''}
              onChange={(e) => onFilterChange({ ...filter, category: e.target.value || null })}
            >
              <option value="">All categories</option>
              {summary.categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="field-label" htmlFor={typeId}>
              Question type
            </label>
            <select
              id={typeId}
              className="select"
              value={filter.questionType ?? ''}
              onChange={(e) => onFilterChange({ ...filter, questionType: e.target.value || null })}
            >
              <option value="">All question types</option>
              {summary.questionTypes.map((t) => (
                <option key={t} value={t}>
                  {questionTypeTitle(t)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {trends.length === 0 ? (
        <StateMessage kind="empty" title="No rounds match these filters" compact>
          Choose another category or question type.
        </StateMessage>
      ) : (
        <>
          <TrendChart
            title="Clarity, rigor and speed"
            description="Weekly average scores from 1 to 5"
            points={trends}
            series={scoreSeries}
            format={formatScore}
            domain={[1, 5]}
          />
          <div className="progress-metric-grid">
            {metricCharts.map((c) => (
              <TrendChart
                key={c.title}
                title={c.title}
                description={`Weekly average ${c.title.toLowerCase()} in seconds`}
                points={trends}
                series={[c.series]}
                format={formatAxisSeconds}
                height={160}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

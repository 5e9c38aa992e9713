/**
 * Progress: how the user's words change over weeks — pace against Speaker Coach's 100–165 wpm band,
 * filler words as a share of words, hedges and restarts per minute, the time to the first word
 * after a follow-up and how often the reply took up the follow-up's terms. Its own channel
 * (words:trends): weekly averages aggregated in SQLite from round_word_metrics, a few dozen numbers
 * whatever the history's size.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WordTrendWeek } from '@shared/contract';
import { WORD_THRESHOLDS } from '@shared/words';
import { call, subscribe } from '../../api/client';
import { plural } from '../../lib/format';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import { TrendChart, type TrendSeries } from '../charts/TrendChart';
import './WordTrends.css';

type Key = Exclude<keyof WordTrendWeek, 'weekStart' | 'rounds'>;
type Chart = {
  title: string;
  description: string;
  series: TrendSeries<Key>[];
  format: (v: number) => string;
  band?: readonly [number, number];
};

const percent = (v: number) => `${Math.round(v * 1000) / 10} %`;
const charts: Chart[] = [
  {
    title: 'Pace',
    description: `Weekly average words per minute; the band is ${WORD_THRESHOLDS.wordsPerMinute.source}`,
    series: [{ key: 'wordsPerMinute', label: 'Words per minute', color: 'metric' }],
    format: (v) => `${Math.round(v)}`,
    band: [WORD_THRESHOLDS.wordsPerMinute.low, WORD_THRESHOLDS.wordsPerMinute.high],
  },
  {
    title: 'Filler words',
    description: `Weekly average share of words that were fillers; the guide is under ${percent(WORD_THRESHOLDS.fillerShare.max)}`,
    series: [{ key: 'fillerShare', label: 'Filler share', color: 'overrun' }],
    format: percent,
    band: [0, WORD_THRESHOLDS.fillerShare.max],
  },
  {
    title: 'Hedges and restarts',
    description: 'Weekly average hedges and restarts per minute of speaking',
    series: [
      { key: 'hedgesPerMinute', label: 'Hedges / min', color: 'clarity' },
      { key: 'restartsPerMinute', label: 'Restarts / min', color: 'rigor' },
    ],
    format: (v) => `${Math.round(v * 10) / 10}`,
  },
  {
    title: 'Follow-ups',
    description: 'Weekly share of follow-ups whose reply took up their terms',
    series: [{ key: 'answeredShare', label: 'Answered the exact follow-up', color: 'speed' }],
    format: percent,
  },
];

function WordTrendChart({ chart, weeks }: { chart: Chart; weeks: readonly WordTrendWeek[] }) {
  if (!weeks.some((w) => chart.series.some((s) => w[s.key] !== null)))
    return (
      <section className="trend" aria-label={chart.title}>
        <h3 className="trend-title">{chart.title}</h3>
        <p className="progress-note">No data yet in these weeks.</p>
      </section>
    );
  return (
    <TrendChart
      title={chart.title}
      description={chart.description}
      points={weeks}
      series={chart.series}
      format={chart.format}
      scale="number"
      targetBand={chart.band}
      height={160}
    />
  );
}

export function WordTrends() {
  const [weeks, setWeeks] = useState<WordTrendWeek[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    // Week boundaries at today's offset from UTC (a daylight-saving change shifts a week's edge by an hour).
    call('words:trends', { sinceMs: 0, utcOffsetMinutes: -new Date().getTimezoneOffset() }).then(
      (result) => {
        if (cancelled) return;
        setWeeks(result.weeks);
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  useEffect(
    () =>
      subscribe('transcript:changed', (payload) => {
        if (payload.status === 'done') reload();
      }),
    [reload],
  );

  const rounds = weeks?.reduce((n, w) => n + w.rounds, 0) ?? 0;
  let body;
  if (error && !weeks)
    body = <LoadError icon="alert" title="Could not load the word trends" error={error} onRetry={reload} />;
  else if (!weeks) body = <StateMessage kind="loading" title="Loading the word trends…" compact />;
  else if (weeks.length === 0)
    body = (
      <StateMessage kind="empty" title="No transcribed rounds yet" compact>
        Pace and filler-word trends appear once rounds are transcribed (Settings → Transcription).
      </StateMessage>
    );
  else
    body = (
      <div className="word-trend-grid">
        {charts.map((c) => (
          <WordTrendChart key={c.title} chart={c} weeks={weeks} />
        ))}
      </div>
    );

  return (
    <section className="panel progress-section" aria-labelledby="progress-word-trends">
      <h2 id="progress-word-trends">Your words</h2>
      <p className="progress-note">
        {weeks && weeks.length
          ? `Weekly averages of ${plural(rounds, 'transcribed round')} across ${plural(weeks.length, 'week')}.`
          : 'From the transcripts of your rounds.'}
      </p>
      {body}
    </section>
  );
}

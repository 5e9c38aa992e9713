/**
 * One round's review: loaded with review:get, edited locally (the screen never waits for the
 * server), saved as it goes through a ReviewSaver that is flushed when the review closes or the
 * page goes away. Marks are saved one by one with review:mark.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MarkKind, PointVerdict, ReviewMark, ReviewView, Scores } from '@shared/contract';
import { call } from '../../api/client';
import { ReviewSaver } from '../../api/review';
import { prefetchPeaks } from './peaks';
import type { PostmortemField } from './Postmortem';

export type Draft = {
  scores: Scores;
  points: (PointVerdict | null)[];
  behaviour: Record<string, boolean>;
  postmortem: Record<PostmortemField, string>;
};

const TYPING_DELAY_MS = 400;

export function useRoundReview(roundId: string) {
  const [view, setView] = useState<ReviewView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [marks, setMarks] = useState<ReviewMark[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [markError, setMarkError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  // The server's answer updates what it owns (scoredAt, revealed…), never the fields being edited.
  const saver = useMemo(
    () => new ReviewSaver(roundId, (saved) => setView((v) => (v && v.round.id === saved.round.id ? saved : v))),
    [roundId],
  );

  useEffect(() => {
    let cancelled = false;
    call('review:get', { roundId }).then(
      (loaded) => {
        if (cancelled) return;
        // The waveform's peaks: asked for now, while the review renders, not once the waveform has mounted.
        const recording = loaded.round.recording;
        if (recording && recording.durationMs !== null) prefetchPeaks(recording.peaksUrl);
        setView(loaded);
        setDraft({
          scores: loaded.scores,
          points: loaded.points,
          behaviour: loaded.behaviour,
          postmortem: loaded.postmortem,
        });
        setMarks(loaded.marks);
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [roundId, version]);

  // Never lose typing: save on leaving the review, and when the page is hidden or closed.
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saver]);

  const setScore = useCallback(
    (dimension: keyof Scores, value: number) => {
      setDraft((d) => (d ? { ...d, scores: { ...d.scores, [dimension]: value } } : d));
      saver.update({ scores: { [dimension]: value } }, 0);
    },
    [saver],
  );

  const setPoint = useCallback(
    (index: number, value: PointVerdict | null) => {
      setDraft((d) => (d ? { ...d, points: d.points.map((p, i) => (i === index ? value : p)) } : d));
      saver.update({ points: { [String(index)]: value } }, 0);
    },
    [saver],
  );

  const setBehaviour = useCallback(
    (id: string, checked: boolean) => {
      setDraft((d) => (d ? { ...d, behaviour: { ...d.behaviour, [id]: checked } } : d));
      saver.update({ behaviour: { [id]: checked } }, 0);
    },
    [saver],
  );

  const setPostmortem = useCallback(
    (field: PostmortemField, value: string) => {
      setDraft((d) => (d ? { ...d, postmortem: { ...d.postmortem, [field]: value } } : d));
      saver.update({ postmortem: { [field]: value } }, TYPING_DELAY_MS);
    },
    [saver],
  );

  const reveal = useCallback(async () => {
    const revealed = await call('review:reveal', { roundId });
    setView(revealed);
    // The point list only gets its length (and stored ticks) once revealed.
    setDraft((d) => (d ? { ...d, points: d.points.length ? d.points : revealed.points } : d));
  }, [roundId]);

  const markAction = useCallback(
    (run: () => Promise<ReviewMark[]>) => {
      setMarkError(null);
      run().then(setMarks, (err: unknown) => {
        setMarkError(err instanceof Error ? err.message : String(err));
        // Re-read the marks so the waveform shows what is really saved.
        call('review:get', { roundId }).then(
          (v) => setMarks(v.marks),
          () => undefined,
        );
      });
    },
    [roundId],
  );

  const addMark = useCallback(
    (kind: MarkKind, startMs: number, endMs: number | null) =>
      markAction(() =>
        call('review:mark', { action: 'add', roundId, kind, startMs: Math.max(0, Math.round(startMs)), endMs }),
      ),
    [markAction, roundId],
  );

  const moveMark = useCallback(
    (markId: string, startMs: number, endMs: number | null) => {
      setMarks((list) => list.map((m) => (m.id === markId ? { ...m, startMs, endMs } : m)));
      markAction(() => call('review:mark', { action: 'update', roundId, markId, startMs, endMs }));
    },
    [markAction, roundId],
  );

  const deleteMark = useCallback(
    (markId: string) => {
      setMarks((list) => list.filter((m) => m.id !== markId));
      markAction(() => call('review:mark', { action: 'remove', roundId, markId }));
    },
    [markAction, roundId],
  );

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return {
    view,
    draft,
    marks,
    error,
    markError,
    saver,
    reload,
    setScore,
    setPoint,
    setBehaviour,
    setPostmortem,
    flushText: useCallback(() => void saver.flush(), [saver]),
    reveal,
    addMark,
    moveMark,
    deleteMark,
  };
}

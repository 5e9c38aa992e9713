/**
 * Settings → Transcription: the speech models a user can download, with a progress bar, Cancel, Resume,
 * Remove and "Use this model". Errors are shown with the message the main side gave (it names the file).
 * Nothing else in the app needs a model; transcripts simply do not appear without one.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ModelList, ModelView } from '@shared/contract';
import { call, subscribe } from '../../api/client';
import { settingsResource, updateSettings, useSettings } from '../../api/settings';
import { errorMessage } from '../../lib/errors';
import { Badge } from '../ui/Badge';
import './TranscriptionSettings.css';

const timestampText: Record<ModelView['timestamps'], string> = {
  word: 'Word times',
  token: 'Word-piece times',
  segment: 'Times per phrase only',
};

export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 10e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function TranscriptionSettings({ children }: { children?: ReactNode }) {
  const [list, setList] = useState<ModelList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Record<string, string>>({});
  const { data: settings } = useSettings();
  // The newest progress per running download: a list fetched before it arrived must not roll it back.
  const latest = useRef(new Map<string, { receivedBytes: number; totalBytes: number }>());

  const fresh = useCallback((m: ModelView): ModelView => {
    const seen = latest.current.get(m.id);
    if (m.status !== 'downloading') latest.current.delete(m.id);
    return m.status === 'downloading' && seen && seen.receivedBytes > m.receivedBytes ? { ...m, ...seen } : m;
  }, []);

  const reload = useCallback(async () => {
    try {
      const fetched = await call('models:list', {});
      setList({ ...fetched, models: fetched.models.map(fresh) });
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [fresh]);

  useEffect(() => {
    void reload();
    const offChanged = subscribe('models:changed', () => void reload());
    const offProgress = subscribe('models:progress', ({ modelId, receivedBytes, totalBytes }) => {
      latest.current.set(modelId, { receivedBytes, totalBytes });
      setList((current) =>
        current
          ? {
              ...current,
              models: current.models.map((m) =>
                m.id === modelId ? { ...m, status: 'downloading', receivedBytes, totalBytes, error: null } : m,
              ),
            }
          : current,
      );
    });
    return () => {
      offChanged();
      offProgress();
    };
  }, [reload]);

  const act = async (model: ModelView, action: 'download' | 'cancel' | 'remove') => {
    setActionError(({ [model.id]: _gone, ...rest }) => rest);
    try {
      const channel =
        action === 'download' ? 'models:download' : action === 'cancel' ? 'models:cancel' : 'models:remove';
      const view = fresh(await call(channel, { modelId: model.id }));
      setList((current) =>
        current ? { ...current, models: current.models.map((m) => (m.id === view.id ? view : m)) } : current,
      );
      // Removing the chosen model clears the setting on the main side.
      if (action === 'remove') await settingsResource.refresh().catch(() => undefined);
    } catch (error) {
      setActionError((current) => ({ ...current, [model.id]: errorMessage(error) }));
    }
  };

  const chosenId = settings?.transcriptionModelId ?? null;
  const chosen = list?.models.find((m) => m.id === chosenId && m.status === 'installed') ?? null;

  return (
    <section className="settings-section panel transcription" aria-labelledby="settings-transcription">
      <h2 id="settings-transcription" className="settings-section-title">
        Transcription
      </h2>
      <p className="settings-row-hint transcription-intro">
        A speech model turns your answers into text on this computer: nothing is sent anywhere. No model comes with the
        app; pick one to download. Every file is checked against its SHA-256 before it is ever loaded.
      </p>
      <p className="transcription-current" role="status" data-testid="transcription-current">
        {chosen
          ? `Transcribing new rounds with ${chosen.title}.`
          : 'No model in use: rounds are not transcribed. Everything else works without one.'}
      </p>
      {list === null ? (
        <p className="settings-row-hint" role={loadError ? 'alert' : undefined}>
          {loadError ? `Could not list the speech models: ${loadError}` : 'Loading the speech models…'}
        </p>
      ) : (
        <ul className="model-list" aria-label="Speech models">
          {list.models.map((model) => (
            <ModelRow
              key={model.id}
              model={model}
              inUse={model.id === chosenId && model.status === 'installed'}
              actionError={actionError[model.id] ?? null}
              onAction={(action) => void act(model, action)}
              onUse={(use) => updateSettings({ transcriptionModelId: use ? model.id : null }, 0)}
            />
          ))}
        </ul>
      )}
      {/* "asr"'s TranscribeOlder (transcribe older rounds, with progress) is mounted here at the merge. */}
      {children ? <div className="transcription-older">{children}</div> : null}
    </section>
  );
}

function ModelRow({
  model,
  inUse,
  actionError,
  onAction,
  onUse,
}: {
  model: ModelView;
  inUse: boolean;
  actionError: string | null;
  onAction: (action: 'download' | 'cancel' | 'remove') => void;
  onUse: (use: boolean) => void;
}) {
  const titleId = `model-${model.id.replace(/\W/g, '-')}-title`;
  const showProgress = model.status === 'downloading' || model.status === 'partial';
  // A file that failed its hash check, or met a full disk, lost its partial bytes (a wrong hash cannot
  // say which bytes are wrong): the next try fetches that file from its first byte, keeping the files
  // already checked. So a partial row offers Download, as the message says, not Resume.
  const startsOver = model.error?.kind === 'hash' || model.error?.kind === 'disk-full';
  const offerDownload = model.status === 'available' || (model.status === 'partial' && startsOver);
  const fraction = model.totalBytes > 0 ? Math.min(1, model.receivedBytes / model.totalBytes) : 0;
  return (
    <li className="model-row" aria-labelledby={titleId} data-testid={`model-${model.id}`} data-status={model.status}>
      <div className="model-head">
        <h3 id={titleId} className="model-title">
          {model.title}
        </h3>
        <div className="model-badges">
          {model.recommended ? <Badge tone="accent">Recommended</Badge> : null}
          {inUse ? <Badge tone="loop">In use</Badge> : null}
          {model.status === 'installed' && !inUse ? <Badge>Downloaded</Badge> : null}
        </div>
      </div>
      <p className="model-summary">{model.summary}</p>
      <ul className="model-facts" aria-label={`About ${model.title}`}>
        <li>{formatSize(model.sizeBytes)}</li>
        <li>Licence {model.licence}</li>
        <li>
          {model.languages.includes('en') && model.languages.length === 1
            ? 'English'
            : `${model.languages.length} languages`}
        </li>
        <li>{timestampText[model.timestamps]}</li>
        <li>{model.hesitations ? 'Writes “um” and “uh”' : 'Drops “um” and “uh”'}</li>
        <li>{model.checksumSource === 'pinned' ? 'Hashes pinned in Loop Coach' : 'Hashes from its host'}</li>
        {model.homepage ? <li className="model-home">{model.homepage.replace(/^https:\/\//, '')}</li> : null}
      </ul>
      {showProgress ? (
        <div className="model-progress">
          <progress aria-label={`Download of ${model.title}`} max={1} value={fraction}>
            {Math.round(fraction * 100)} %
          </progress>
          <span className="model-progress-text" data-testid="model-progress-text">
            {model.status === 'downloading' ? 'Downloading' : 'Stopped at'} {formatSize(model.receivedBytes)} of{' '}
            {formatSize(model.totalBytes)}
          </span>
        </div>
      ) : null}
      {model.error || actionError ? (
        <p className="model-error" role="alert">
          {actionError ?? model.error?.message}
        </p>
      ) : null}
      <div className="model-actions">
        {offerDownload ? (
          <button
            type="button"
            className="btn btn-primary"
            aria-label={`Download ${model.title}`}
            onClick={() => onAction('download')}
          >
            Download
          </button>
        ) : null}
        {model.status === 'downloading' ? (
          <button
            type="button"
            className="btn"
            aria-label={`Cancel the download of ${model.title}`}
            onClick={() => onAction('cancel')}
          >
            Cancel
          </button>
        ) : null}
        {model.status === 'partial' && !offerDownload ? (
          <button
            type="button"
            className="btn btn-primary"
            aria-label={`Resume the download of ${model.title}`}
            onClick={() => onAction('download')}
          >
            Resume
          </button>
        ) : null}
        {model.status === 'installed' ? (
          inUse ? (
            <button type="button" className="btn" aria-label={`Stop using ${model.title}`} onClick={() => onUse(false)}>
              Stop using
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              aria-label={`Use ${model.title}`}
              onClick={() => onUse(true)}
            >
              Use this model
            </button>
          )
        ) : null}
        {model.status === 'installed' || model.status === 'partial' ? (
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`Remove ${model.title}`}
            onClick={() => onAction('remove')}
          >
            Remove
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Settings → Export your data: JSON or a Markdown report, offered as a download. */
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { plural } from '../../lib/format';
import { SettingRow, SettingsSection } from './SettingsParts';

/** export:create, offered as a download (Blob + object URL + <a download>). */
export function ExportData() {
  const [state, setState] = useState<{ busy: 'json' | 'markdown' | null; message: string; error: boolean }>({
    busy: null,
    message: '',
    error: false,
  });
  const exportAs = async (format: 'json' | 'markdown') => {
    setState({ busy: format, message: 'Exporting…', error: false });
    try {
      const file = await call('export:create', { format });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: null, message: `Exported ${plural(file.sessions, 'session')}`, error: false });
    } catch (error) {
      setState({ busy: null, message: `Export failed: ${errorMessage(error)}`, error: true });
    }
  };
  return (
    <SettingsSection title="Export your data">
      <SettingRow
        label="Everything you recorded and wrote"
        hint="JSON holds every session, round, score, postmortem and metric; the Markdown report is for reading. Audio files stay in the data folder."
      >
        <div className="export-buttons">
          <button type="button" className="btn" disabled={state.busy !== null} onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          <button
            type="button"
            className="btn"
            disabled={state.busy !== null}
            onClick={() => void exportAs('markdown')}
          >
            Export Markdown report
          </button>
        </div>
      </SettingRow>
      <p className={`settings-row-hint${state.error ? ' export-error' : ''}`} role="status">
        {state.message}
      </p>
    </SettingsSection>
  );
}

/** The 3-line postmortem: what went well, what I missed, what I'll change. Saved as you type. */
import { useId } from 'react';
import type { RubricView } from '@shared/contract';

export type PostmortemField = 'wentWell' | 'missed' | 'change';
const fields: readonly PostmortemField[] = ['wentWell', 'missed', 'change'];
const fallbackPrompts: Record<PostmortemField, string> = {
  wentWell: 'What went well?',
  missed: 'What did I miss?',
  change: 'What will I change next time?',
};

type Props = {
  prompts: RubricView['postmortemPrompts'] | null;
  values: Record<PostmortemField, string>;
  onChange: (field: PostmortemField, value: string) => void;
  onBlur: () => void;
};

export function Postmortem({ prompts, values, onChange, onBlur }: Props) {
  const id = useId();
  return (
    <div className="postmortem">
      {fields.map((field) => (
        <div key={field} className="postmortem-field">
          <label className="postmortem-label" htmlFor={`${id}-${field}`}>
            {prompts?.[field] ?? fallbackPrompts[field]}
          </label>
          <textarea
            id={`${id}-${field}`}
            className="input postmortem-input"
            rows={2}
            maxLength={2000}
            value={values[field]}
            onChange={(e) => onChange(field, e.target.value)}
            onBlur={onBlur}
          />
        </div>
      ))}
    </div>
  );
}

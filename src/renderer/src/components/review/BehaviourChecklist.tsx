/** The interview behaviour checklist: one checkbox per rubric item, named by its text. */
import type { RubricView } from '@shared/contract';

type Props = {
  items: RubricView['behaviourChecklist'];
  values: Record<string, boolean>;
  onChange: (id: string, checked: boolean) => void;
};

export function BehaviourChecklist({ items, values, onChange }: Props) {
  if (items.length === 0) return <p className="muted">The rubric has no behaviour checklist.</p>;
  const done = items.filter((item) => values[item.id]).length;
  return (
    <div className="behaviour">
      <p className="review-panel-note">
        {done} of {items.length} ticked
      </p>
      <ul className="check-list">
        {items.map((item) => (
          <li key={item.id}>
            <label className="check-row">
              <input
                type="checkbox"
                checked={values[item.id] ?? false}
                onChange={(e) => onChange(item.id, e.target.checked)}
              />
              <span>{item.text}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

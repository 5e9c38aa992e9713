/** "Start a random mock", optionally from one category. */
import { useState } from 'react';
import { Icon } from '../ui/Icon';
import './RandomMock.css';

type Props = { categories: readonly string[]; onStart: (category: string | undefined) => void; starting: boolean };

export function RandomMock({ categories, onStart, starting }: Props) {
  const [category, setCategory] = useState('');
  return (
    <div className="random-mock">
      <select
        className="select"
        aria-label="Random mock category"
        value={category}
        onChange={(e) => setCategory(e.target.value)}
      >
        <option value="">Any category</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn"
        aria-label="Start a random mock"
        onClick={() => onStart(category || undefined)}
        disabled={starting}
      >
        <Icon name="shuffle" size={14} />
        Random mock
      </button>
    </div>
  );
}

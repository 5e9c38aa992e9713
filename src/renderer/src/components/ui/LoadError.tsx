/** A part of a screen whose data did not load: what failed, why (the error's message) and Try again. */
import { errorMessage } from '../../lib/errors';
import { StateMessage } from './StateMessage';
import type { IconName } from './Icon';

type Props = {
  /** What could not be loaded, e.g. "Could not load the transcript". */
  title: string;
  error: unknown;
  onRetry: () => void;
  icon?: IconName;
};

export function LoadError({ title, error, onRetry, icon }: Props) {
  return (
    <StateMessage
      kind="error"
      icon={icon}
      title={title}
      compact
      action={
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      }
    >
      {errorMessage(error)}
    </StateMessage>
  );
}

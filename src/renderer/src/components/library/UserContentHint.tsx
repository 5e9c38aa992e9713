/** Where to put your own content (from app:info). */
import { useAppInfo } from '../../api/app-info';
import { Icon } from '../ui/Icon';
import './UserContentHint.css';

export function UserContentHint() {
  const { data: info } = useAppInfo();
  return (
    <p className="user-content-hint">
      <Icon name="folder" size={14} />
      <span>
        {info ? (
          <>
            Add your own items as YAML files in <code className="user-content-path">{info.userContentDir}</code>
          </>
        ) : (
          'Add your own items as YAML files in your content folder'
        )}
        <span className="user-content-doc">
          The format is described in docs/content-format.md; then press Reload content.
        </span>
      </span>
    </p>
  );
}

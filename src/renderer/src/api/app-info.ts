/** Version, transport and where the data lives: fetched once per run. */
import type { AppInfo } from '@shared/contract';
import { call } from './client';
import { createResource, useResource } from './resource';

export const appInfoResource = createResource<AppInfo>(() => call('app:info', {}));

export const useAppInfo = () => useResource(appInfoResource);

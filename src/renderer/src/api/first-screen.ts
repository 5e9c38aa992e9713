/**
 * The Library's data, asked for as soon as the code runs rather than when its components first
 * render: the server answers while React draws the shell, and the list and the Today panel arrive
 * together instead of Today's request waiting for the drawn list (which then moved down under the
 * pointer when Today appeared). Library first: it is what the screen waits for.
 */
import { appInfoResource } from './app-info';
import { libraryResource } from './library';
import { settingsResource } from './settings';
import { todayResource } from './today';

export function loadFirstScreen(): void {
  libraryResource.load();
  todayResource.load();
  settingsResource.load();
  appInfoResource.load();
}

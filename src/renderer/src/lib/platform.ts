/** Whether the primary shortcut modifier is ⌘ (macOS) or Ctrl. */
export const isMac = /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);

export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

/**
 * The one stand-in for the `electron` module, used by every glue test and the desktop rehearsal
 * (like electron/fiddle's electron mock). The real glue imports it in place of Electron, and it
 * records what the glue registers — ipcMain handlers, protocol handlers and privileged schemes,
 * session permission handlers, app and webContents listeners, window-open handlers, BrowserWindow
 * options, contextBridge exposures — so a test can call each one with the event Electron would send.
 *
 * It keeps the Electron rules the glue depends on: privileged schemes only before `ready`; protocol,
 * session and windows only after; one handler per IPC channel and per scheme; invoke arguments and
 * results structured-cloned; a throwing handler rejects the renderer's invoke.
 *
 * Tests: `vi.mock('electron', () => import('../support/electron-mock'))` (Vitest), or
 * `tests/support/electron-stand-in-hook.ts` (Playwright, which has no module mocks).
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  CustomScheme,
  HandlerDetails,
  PermissionCheckHandlerHandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import { refuseExternalBuffers } from './electron-external-buffers';
import { MockUtilityProcess } from './electron-utility-process';
import {
  osState,
  resetOs,
  shell as osShell,
  showMessageBox,
  systemPreferences as osPreferences,
  type MediaAccessStatus,
} from './electron-os';
import { shared } from './electron-stand-in-registry';

type AnyFunction = (...args: never[]) => unknown;
type RequestHandler = (
  contents: MockWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type CheckHandler = (
  contents: MockWebContents | null,
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckHandlerHandlerDetails,
) => boolean;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type InvokeHandler = (event: MockInvokeEvent, ...args: unknown[]) => unknown;

const repoRoot = path.resolve(__dirname, '..', '..');

// The process that loads the stand-in plays Electron's main process: external buffers are refused there too.
refuseExternalBuffers();

// ── frames and events ──────────────────────────────────────────────────────────────────────────

/** The parts of WebFrameMain the glue reads. */
export type MockFrame = {
  url: string;
  /** Chromium's serialization: scheme://host for standard schemes, "null" for opaque ones. */
  origin: string;
  parent: MockFrame | null;
  top: MockFrame;
  frameTreeNodeId: number;
  processId: number;
  routingId: number;
};

let nextFrameId = 1;

/** A frame at `url`; pass `parent` for a subframe. */
export function frame(url: string, parent: MockFrame | null = null): MockFrame {
  const made: MockFrame = {
    url,
    origin: chromiumOrigin(url),
    parent,
    top: undefined as unknown as MockFrame,
    frameTreeNodeId: nextFrameId,
    processId: 1,
    routingId: nextFrameId++,
  };
  made.top = parent ? parent.top : made;
  return made;
}

/** What Chromium reports as a frame's origin (unlike Node's URL, it knows `app` is standard). */
function chromiumOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    const standard = ['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol);
    const privileged = state.privilegedSchemes.some(
      (s) => `${s.scheme}:` === parsed.protocol && s.privileges?.standard,
    );
    return standard || privileged ? `${parsed.protocol}//${parsed.host}` : 'null';
  } catch {
    return 'null';
  }
}

export type MockInvokeEvent = {
  sender: MockWebContents;
  senderFrame: MockFrame | null;
  frameId: number;
  processId: number;
};

/** The Event Electron passes to will-navigate and friends: preventDefault() is the answer. */
export type MockNavigationEvent = {
  url: string;
  isMainFrame: boolean;
  isSameDocument: boolean;
  frame: MockFrame | null;
  defaultPrevented: boolean;
  preventDefault: () => void;
};

function navigationEvent(url: string, contents: MockWebContents): MockNavigationEvent {
  const event: MockNavigationEvent = {
    url,
    isMainFrame: true,
    isSameDocument: false,
    frame: contents.mainFrame,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ── webContents and BrowserWindow ──────────────────────────────────────────────────────────────

let nextContentsId = 1;

export class MockWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: MockFrame;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  /** Every webContents.send, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = frame(url);
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** Main → renderer: recorded, and delivered to the stand-in's ipcRenderer listeners. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0 }, ...cloned);
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  // Test helpers: what Chromium does, and what the glue answered.

  /** A navigation of the main frame; true when the glue let it happen. */
  navigate(url: string): boolean {
    const event = navigationEvent(url, this);
    this.emit('will-navigate', event, url, false, true, 1, 1);
    if (!event.defaultPrevented) this.mainFrame = frame(url);
    return !event.defaultPrevented;
  }

  /** A server redirect during navigation; true when allowed. */
  redirect(url: string): boolean {
    const event = navigationEvent(url, this);
    this.emit('will-redirect', event, url, false, true, 1, 1);
    return !event.defaultPrevented;
  }

  /** A page adding a <webview>; true when allowed. */
  attachWebview(src: string): boolean {
    const event = navigationEvent(src, this);
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
    return !event.defaultPrevented;
  }

  /** window.open / target=_blank: Electron without a handler allows it. */
  openWindow(url: string, disposition: HandlerDetails['disposition'] = 'new-window'): WindowOpenHandlerResponse {
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition,
      referrer: { url: '', policy: 'default' },
    };
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return state.windows.filter((w) => !w.isDestroyed());
  }

  readonly webContents = new MockWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  focused = false;
  minimized = false;
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    state.windows.push(this);
    // Electron emits this while the window is being made, before the constructor returns.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame = frame(url);
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }

  /** Shows the window and focuses it; a minimised window stays minimised (only restore() brings it back). */
  show(): void {
    this.visible = true;
    if (!this.minimized) this.focused = true;
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
  }

  isVisible(): boolean {
    return this.visible && !this.minimized;
  }

  /** Electron does not restore a minimised or hidden window on focus(): it stays where it is. */
  focus(): void {
    if (this.visible && !this.minimized) this.focused = true;
  }

  isFocused(): boolean {
    return this.focused;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    // Electron skips window-all-closed when the windows close because the app is quitting.
    if (BrowserWindow.getAllWindows().length === 0 && !state.quitting) app.emit('window-all-closed');
  }
}

/** The glue's functions are typed with Electron's own classes; these are the stand-in's. */
export const standIn = (window: ElectronBrowserWindow): BrowserWindow => window as unknown as BrowserWindow;
export const asElectron = (window: BrowserWindow | null): ElectronBrowserWindow | null =>
  window as unknown as ElectronBrowserWindow | null;

// ── module state ───────────────────────────────────────────────────────────────────────────────

const state = shared('state', () => ({
  ready: false,
  readyWaiters: [] as (() => void)[],
  privilegedSchemes: [] as CustomScheme[],
  invokeHandlers: new Map<string, InvokeHandler>(),
  protocolHandlers: new Map<string, ProtocolHandler>(),
  permissionRequestHandler: null as RequestHandler | null,
  permissionCheckHandler: null as CheckHandler | null,
  devicePermissionHandler: null as AnyFunction | null,
  exposed: new Map<string, unknown>(),
  errorBoxes: [] as { title: string; content: string }[],
  exitCode: null as number | null,
  quitCalls: 0,
  quitting: false,
  singleInstance: true,
  appPath: repoRoot,
  /** Where ipcRenderer.invoke comes from: the window's main frame at app://loop-coach/ by default. */
  rendererContents: null as MockWebContents | null,
  rendererFrame: null as MockFrame | null,
  /** Set when the main side is "gone": every invoke rejects with this reason. */
  disconnected: null as string | null,
  windows: [] as BrowserWindow[],
  /** The contents the renderer talks from when no window exists yet (unit tests of ipc alone). */
  looseContents: null as MockWebContents | null,
  /** Every utilityProcess.fork call, in order. */
  utilityForks: [] as { modulePath: string; args: string[]; options: Record<string, unknown> }[],
  utilityProcesses: [] as MockUtilityProcess[],
  /** app.commandLine.appendSwitch calls, and whether Chromium had started (ready) when each came. */
  switches: [] as { name: string; value: string | undefined; afterReady: boolean }[],
}));

// ── app ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Chromium reads its switches when it starts, which is before `ready`: a switch appended later is
 * recorded but never reaches the rehearsal's Chromium (electronMock.chromiumSwitches()).
 */
class MockCommandLine {
  appendSwitch(name: string, value?: string): void {
    state.switches.push({ name, value, afterReady: state.ready });
  }

  hasSwitch(name: string): boolean {
    return state.switches.some((s) => s.name === name);
  }

  getSwitchValue(name: string): string {
    return [...state.switches].reverse().find((s) => s.name === name)?.value ?? '';
  }

  removeSwitch(name: string): void {
    state.switches = state.switches.filter((s) => s.name !== name);
  }
}

class MockApp extends EventEmitter {
  readonly isPackaged = false;
  readonly name = 'Loop Coach';
  readonly commandLine = new MockCommandLine();

  whenReady(): Promise<void> {
    return state.ready ? Promise.resolve() : new Promise((resolve) => state.readyWaiters.push(resolve));
  }

  isReady(): boolean {
    return state.ready;
  }

  requestSingleInstanceLock(): boolean {
    return state.singleInstance;
  }

  getAppPath(): string {
    return state.appPath;
  }

  getPath(name: string): string {
    return path.join(state.appPath, '.electron-stand-in', name);
  }

  getVersion(): string {
    return '0.0.0-stand-in';
  }

  /** Like Electron: before-quit, the windows close, then will-quit and quit. */
  quit(): void {
    state.quitCalls++;
    state.quitting = true;
    this.emit('before-quit', { preventDefault() {} });
    for (const window of BrowserWindow.getAllWindows()) window.close();
    this.emit('will-quit', { preventDefault() {} });
    this.emit('quit', { preventDefault() {} }, 0);
  }

  exit(code = 0): void {
    state.exitCode = code;
  }
}

export const app = shared('app', () => new MockApp());

// ── IPC ────────────────────────────────────────────────────────────────────────────────────────

class MockIpcMain extends EventEmitter {
  handle(channel: string, handler: InvokeHandler): void {
    if (state.invokeHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    state.invokeHandlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      state.invokeHandlers.delete(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    state.invokeHandlers.delete(channel);
  }
}

export const ipcMain = shared('ipcMain', () => new MockIpcMain());

/** Runs a main-side handler as Electron does for ipcRenderer.invoke: cloned in, cloned out. */
async function invokeMain(event: MockInvokeEvent, channel: string, args: unknown[]): Promise<unknown> {
  const handler = state.invokeHandlers.get(channel);
  if (!handler)
    throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  try {
    return structuredClone(await handler(event, ...structuredClone(args)));
  } catch (error) {
    throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
  }
}

class MockIpcRenderer extends EventEmitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (state.disconnected !== null) {
      return Promise.reject(new Error(`Error invoking remote method '${channel}': ${state.disconnected}`));
    }
    const sender = state.rendererContents ?? appWindowContents();
    const senderFrame = state.rendererFrame ?? sender.mainFrame;
    return invokeMain({ sender, senderFrame, frameId: senderFrame.routingId, processId: 1 }, channel, args);
  }

  send(channel: string, ...args: unknown[]): void {
    ipcMain.emit(channel, { sender: state.rendererContents, senderFrame: state.rendererFrame }, ...args);
  }
}

export const ipcRenderer = shared('ipcRenderer', () => new MockIpcRenderer());

function appWindowContents(): MockWebContents {
  const window = BrowserWindow.getAllWindows()[0];
  if (window) return window.webContents;
  state.looseContents ??= new MockWebContents('app://loop-coach/');
  return state.looseContents;
}

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (state.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    // The bridge copies the object when it is exposed: later changes to it do not reach the page.
    state.exposed.set(key, typeof api === 'object' && api !== null ? Object.freeze({ ...api }) : api);
  },
};

// ── protocol, session, dialog ──────────────────────────────────────────────────────────────────

function requireReady(what: string): void {
  if (!state.ready) throw new Error(`${what} can only be used after the app is ready`);
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    requireReady('protocol.handle');
    if (state.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    state.protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    state.protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return state.protocolHandlers.has(scheme);
  },
};

const defaultSession = {
  setPermissionRequestHandler(handler: RequestHandler | null): void {
    state.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    state.permissionCheckHandler = handler;
  },
  setDevicePermissionHandler(handler: AnyFunction | null): void {
    state.devicePermissionHandler = handler;
  },
};

export const session = {
  get defaultSession() {
    if (!state.ready) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push({ title, content });
  },
  showMessageBox,
};

// ── the test side ──────────────────────────────────────────────────────────────────────────────

/** Everything the glue registered, and the realistic calls into it. */
export const electronMock = {
  /** Back to a fresh process: nothing registered, app not ready. */
  reset(): void {
    state.ready = false;
    state.readyWaiters = [];
    state.privilegedSchemes = [];
    state.invokeHandlers.clear();
    state.protocolHandlers.clear();
    state.permissionRequestHandler = null;
    state.permissionCheckHandler = null;
    state.devicePermissionHandler = null;
    state.exposed.clear();
    state.errorBoxes = [];
    state.exitCode = null;
    state.quitCalls = 0;
    state.quitting = false;
    state.singleInstance = true;
    state.appPath = repoRoot;
    state.rendererContents = null;
    state.rendererFrame = null;
    state.disconnected = null;
    state.looseContents = null;
    state.windows = [];
    state.utilityForks = [];
    state.utilityProcesses = [];
    state.switches = [];
    resetOs();
    app.removeAllListeners();
    ipcMain.removeAllListeners();
    ipcRenderer.removeAllListeners();
  },

  /** Emits `ready` as Electron does once it has started. */
  async ready(): Promise<void> {
    state.ready = true;
    app.emit('ready', { preventDefault() {} }, {});
    for (const wake of state.readyWaiters.splice(0)) wake();
    await new Promise((resolve) => setImmediate(resolve));
  },

  get isReady(): boolean {
    return state.ready;
  },
  set singleInstance(value: boolean) {
    state.singleInstance = value;
  },
  set appPath(value: string) {
    state.appPath = value;
  },

  privilegedSchemes: (): readonly CustomScheme[] => state.privilegedSchemes,
  ipcChannels: (): string[] => [...state.invokeHandlers.keys()],
  protocolSchemes: (): string[] => [...state.protocolHandlers.keys()],
  exposed: (key: string): unknown => state.exposed.get(key),
  exposedKeys: (): string[] => [...state.exposed.keys()],
  windows: (): BrowserWindow[] => [...state.windows],
  utilityForks: () => [...state.utilityForks],
  /** The switches Chromium starts with: those the app appended before ready, as command-line args. */
  chromiumSwitches: (): string[] =>
    state.switches
      .filter((s) => !s.afterReady)
      .map((s) => (s.value === undefined ? `--${s.name}` : `--${s.name}=${s.value}`)),
  /** Every appendSwitch call, late ones included. */
  commandLineSwitches: () => [...state.switches],
  set platform(value: NodeJS.Platform) {
    osState.platform = value;
  },
  /** The OS's microphone consent for the app, and what the user answers macOS's prompt. */
  set microphoneStatus(value: MediaAccessStatus) {
    osState.microphoneStatus = value;
  },
  get microphoneStatus(): MediaAccessStatus {
    return osState.microphoneStatus;
  },
  set microphonePromptAnswer(value: boolean) {
    osState.microphonePromptAnswer = value;
  },
  microphonePrompts: () => osState.microphonePrompts,
  messageBoxes: () => osState.messageBoxes,
  set messageBoxResponse(value: number | null) {
    osState.messageBoxResponse = value;
  },
  openedExternally: () => osState.openedExternally,
  /** The utility processes forked since the last reset (live or exited). */
  utilityProcesses: () => [...state.utilityProcesses],
  errorBoxes: () => state.errorBoxes,
  exitCode: () => state.exitCode,
  quitCalls: () => state.quitCalls,
  hasDevicePermissionHandler: () => state.devicePermissionHandler !== null,

  /** Calls a main-side IPC handler with an event from `senderFrame` (null: the frame is gone). */
  invoke(
    channel: string,
    input: unknown,
    senderFrame: MockFrame | null = frame('app://loop-coach/'),
  ): Promise<unknown> {
    const sender = appWindowContents();
    return invokeMain({ sender, senderFrame, frameId: senderFrame?.routingId ?? 0, processId: 1 }, channel, [input]);
  },

  /** Where ipcRenderer.invoke comes from (default: the window's main frame). */
  setRendererFrame(senderFrame: MockFrame | null, contents?: MockWebContents): void {
    state.rendererFrame = senderFrame;
    state.rendererContents = contents ?? null;
  },

  /** The main side is gone: every ipcRenderer.invoke rejects, as it does when nothing answers. */
  disconnect(reason = 'Error: the main process is not answering'): void {
    state.disconnected = reason;
  },
  reconnect(): void {
    state.disconnected = null;
  },

  /** Requests `url` from the registered protocol handler, as Chromium's network stack would. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = state.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  },

  /** A permission request (getUserMedia, geolocation, …); resolves with what the glue decided. */
  requestPermission(
    permission: string,
    details: { requestingUrl: string; isMainFrame?: boolean; mediaTypes?: ('audio' | 'video')[] },
    contents: MockWebContents = appWindowContents(),
  ): Promise<boolean> {
    const handler = state.permissionRequestHandler;
    // Without a handler Electron grants every permission.
    if (!handler) return Promise.resolve(true);
    const full: Record<string, unknown> = { isMainFrame: true, ...details };
    if (permission === 'media' || permission === 'display-capture') {
      full.securityOrigin ??= chromiumOrigin(details.requestingUrl);
      full.mediaTypes ??= [];
    }
    return new Promise((resolve) => handler(contents, permission, resolve, full));
  },

  /** A synchronous permission check (permissions.query, enumerateDevices labels, …). */
  checkPermission(
    permission: string,
    requestingOrigin: string,
    details: Partial<PermissionCheckHandlerHandlerDetails> = {},
    contents: MockWebContents | null = appWindowContents(),
  ): boolean {
    const handler = state.permissionCheckHandler;
    if (!handler) return true;
    return handler(contents, permission, requestingOrigin, { isMainFrame: true, ...details });
  },

  /** A device (HID, serial, USB) permission check; Electron without a handler asks the check handler. */
  checkDevicePermission(deviceType: 'hid' | 'serial' | 'usb', origin: string): boolean {
    const handler = state.devicePermissionHandler as ((d: unknown) => boolean) | null;
    return handler ? handler({ deviceType, origin, device: {} }) : true;
  },
};

// ── utilityProcess ─────────────────────────────────────────────────────────────────────────────

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): MockUtilityProcess {
    requireReady('utilityProcess.fork');
    state.utilityForks.push({ modulePath, args, options });
    const child = new MockUtilityProcess(modulePath, args, options);
    state.utilityProcesses.push(child);
    return child;
  },
};

// Module-level bindings (Vitest's mock factory does not carry re-exported imports across).
export const shell = osShell;
export const systemPreferences = osPreferences;

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  protocol,
  session,
  shell,
  systemPreferences,
  utilityProcess,
};

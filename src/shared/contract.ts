/**
 * The IPC contract: a zod schema for the input and output of every request channel and for the
 * payload of every event channel. Both transports (Electron IPC and the local web server) parse
 * inputs with these schemas before any service sees them; all types derive from here.
 *
 * This file is the single public entry; the schemas live one concern per module in ./contract/.
 */
export * from './contract/index';

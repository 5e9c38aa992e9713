/** Vite's `?worker&url` import: the URL of the file it bundles the module into (see live-capture.ts). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}

// Front end of the configuration form editor. It runs inside the webview, talks to the extension
// only through postMessage, and announces itself with `ready` so the extension knows when the
// first document state can be sent.
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscodeApi = acquireVsCodeApi();
vscodeApi.postMessage({ type: 'ready' });

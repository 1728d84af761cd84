/**
 * @grafana/data touches `window` and `document` when it is loaded; outside a browser give it a jsdom.
 * Import this module before anything that imports @grafana/data.
 */
import { JSDOM } from 'jsdom';

if (typeof globalThis.document === 'undefined') {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
}

// Starts the worker's wasm module (src/worker.rs): Trunk builds certbench-worker.js and its
// _bg.wasm beside index.html; the app starts this file as a Web Worker after first paint, with
// its build's version as the query, which goes on to both files so caches keep builds apart.
const version = self.location.search;
importScripts(`./certbench-worker.js${version}`);
wasm_bindgen({ module_or_path: `./certbench-worker_bg.wasm${version}` });

// Starts the worker's wasm module (src/worker.rs): Trunk builds certbench-worker.js and its
// _bg.wasm beside index.html; the app starts this file as a Web Worker after first paint.
importScripts('./certbench-worker.js');
wasm_bindgen({ module_or_path: './certbench-worker_bg.wasm' });

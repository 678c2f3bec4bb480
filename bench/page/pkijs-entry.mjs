// Bundled by scripts/bench.sh with esbuild into pkg/pkijs.js: pkijs and its dependencies as one
// browser module.
export * from 'pkijs';

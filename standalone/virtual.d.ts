/** Standalone pages' scripts, bundled at build time (tools/build/standalone-script.ts). */
declare module 'virtual:standalone/*' {
  const assets: import('../lib/endorsement-request/page-html').PageAssets;
  export default assets;
}

// Plain `tsc` does not know `.astro` modules (Astro's own checker does); the component
// tests import them, so give them the type the container API expects.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}

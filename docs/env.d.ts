/// <reference types="vite/client" />
// vite/client types `import.meta.glob` and `*?raw` imports; tsc needs its own word for single-file components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** The declarations a TypeScript lab is checked against in the page, made by docs/.vitepress/lab-type-sources.ts. */
declare module 'virtual:ecs-lab/type-sources' {
  /** By path: `${libDir}/lib.es5.d.ts`, `${root}/core/index.d.ts`, `${root}/labs/<id>/lab-globals.d.ts`. */
  export const files: Record<string, string>;
  export const root: string;
  export const libDir: string;
}

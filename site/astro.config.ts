import { defineConfig } from 'astro/config'

// A static site: every page is plain HTML with small same-origin scripts, so the security
// headers (script-src 'self', style-src 'self') hold without exceptions.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: {
      // Inlined scripts or styles would break the Content-Security-Policy.
      assetsInlineLimit: 0,
      // govuk-frontend's CSS trips Vite 8's default (Lightning CSS) minifier.
      cssMinify: 'esbuild',
    },
    css: {
      preprocessorOptions: {
        scss: { quietDeps: true, silenceDeprecations: ['import'] },
      },
    },
  },
})

// `node infra/bin/bundle.ts <entry> <outDir>`: bundles one function for the CDK app (`AppFunction`
// runs it while synthesizing, as NodejsFunction runs esbuild): esbuild's plugins and code splitting
// need its JavaScript API, which is asynchronous, and CDK bundles synchronously.
import { bundleFunction } from '../lib/bundle.ts'

const [entry, outDir] = process.argv.slice(2)
if (!entry || !outDir) throw new Error('usage: node infra/bin/bundle.ts <entry> <outDir>')
await bundleFunction(entry, outDir, { sourcemap: true })

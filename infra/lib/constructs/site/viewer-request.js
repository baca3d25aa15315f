// A CloudFront Function (runtime cloudfront-js-2.0) on the site's viewer requests. The site is built
// as one folder per page (`/manage/index.html`), and S3 serves no index documents to CloudFront,
// so a page's address gains its `index.html`: `/` → `/index.html`, `/manage/` and `/manage` →
// `/manage/index.html`. A path whose last part has a dot (`/assets/x.js`, `/favicon.svg`) is a
// file: it stays as it is if the built site has it. An address that is no page or file of the built
// site goes to `/404.html`, which the viewer-response function answers with status 404 (S3 itself
// would answer a missing key with its own XML and 403, as CloudFront may not list the bucket).
//
// On `/api/*` (a behaviour of its own, running this function too) the address stays as it is and the
// request gains `x-viewer-address`: the viewer's IP as CloudFront saw it, replacing any such header
// the client sent. The API's rate limits count by it (functions/api/src/client-address.ts).
//
// PAGES and FILES are filled at synthesis with the built site's pages and its other files
// (infra/lib/constructs/site.ts); the tests run the code as synthesized against sample requests
// (test/infra/site.test.ts).
const PAGES = {}
const FILES = {}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by name.
function handler(event) {
  const request = event.request
  const uri = request.uri
  if (uri === '/api' || uri.startsWith('/api/')) {
    const viewer = event.viewer || {}
    if (viewer.ip) request.headers['x-viewer-address'] = { value: viewer.ip }
    else delete request.headers['x-viewer-address']
    return request
  }
  const last = uri.slice(uri.lastIndexOf('/') + 1)
  if (last.includes('.')) {
    const known = last === 'index.html' ? PAGES[uri.slice(0, -last.length)] : FILES[uri]
    if (known !== true) request.uri = '/404.html'
    return request
  }
  const page = uri.endsWith('/') ? uri : `${uri}/`
  request.uri = PAGES[page] === true ? `${page}index.html` : '/404.html'
  return request
}

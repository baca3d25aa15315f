// A CloudFront Function (runtime cloudfront-js-2.0) on the site's viewer responses: the not-found
// page, which viewer-request.js serves for any address that is no page, goes out as a 404, as the
// local web server sends it. CloudFront's own error pages would not do: they apply to the whole
// distribution and would replace the API's JSON 403 and 404 answers.
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler` by name.
function handler(event) {
  const response = event.response
  if (event.request.uri === '/404.html' && response.statusCode === 200) {
    response.statusCode = 404
    response.statusDescription = 'Not Found'
  }
  return response
}

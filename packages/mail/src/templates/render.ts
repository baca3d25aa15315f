import { html, type SafeHtml } from '../html.ts'
import type { Block, EmailContent, RenderedEmail } from './content.ts'

const TEXT = 'color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5'
const LINK = 'color:#1d70b8;text-decoration:underline'

/** Renders content into the plain-text and HTML bodies (inline styles only: email clients drop the rest). */
export function render(content: EmailContent): RenderedEmail {
  return { subject: content.subject, text: toText(content), html: toHtml(content) }
}

function toText({ blocks }: EmailContent): string {
  return `${blocks.map(textBlock).join('\n\n')}\n`
}

function textBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text
    case 'link':
      return `${block.text}:\n${block.href}`
    case 'details':
      return block.rows
        .map(({ label, values }) =>
          values.length === 1
            ? `${label}: ${values[0]}`
            : `${label}:\n${values.map((v) => `  ${v}`).join('\n')}`,
        )
        .join('\n')
  }
}

function toHtml({ subject, preview, blocks }: EmailContent): string {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff">
<div style="display:none;max-height:0;overflow:hidden">${preview}</div>
<main style="max-width:600px;margin:0 auto;padding:16px;${TEXT}">
<h1 style="font-size:24px;line-height:1.25;margin:0 0 16px">${subject}</h1>
${blocks.map(htmlBlock)}
</main>
</body>
</html>
`.value
}

function htmlBlock(block: Block): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px">${block.text}</p>\n`
    case 'link':
      // Only web links become anchors: a stray `javascript:` URL must never be clickable.
      return /^https?:\/\//i.test(block.href)
        ? html`<p style="margin:0 0 16px"><a href="${block.href}" style="${LINK}">${block.text}</a></p>\n`
        : html`<p style="margin:0 0 16px">${block.text}: ${block.href}</p>\n`
    case 'details':
      return html`<dl style="margin:0 0 16px">
${block.rows.map(
  ({ label, values }) =>
    html`<dt style="font-weight:bold">${label}</dt>
${values.map((value) => html`<dd style="margin:0 0 8px">${value}</dd>\n`)}`,
)}</dl>\n`
  }
}

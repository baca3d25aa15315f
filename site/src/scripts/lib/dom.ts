import type { SvgNode } from '../../lib/charts.ts'

type Child = Node | string | null | undefined | false

/** Builds an element; text is always set as text, so data from the API can never become markup. */
export function h(tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) element.setAttribute(name, value)
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    element.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

/** The element with this id; a page without it is a build mistake, so fail loudly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`Missing #${id}`)
  return element as T
}

/** A GOV.UK summary list from label/value rows; rows without a value are left out. */
export function summaryList(rows: [string, Child | Child[]][]): HTMLElement {
  return h(
    'dl',
    { class: 'govuk-summary-list' },
    ...rows
      .filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '')
      .map(([key, value]) =>
        h(
          'div',
          { class: 'govuk-summary-list__row' },
          h('dt', { class: 'govuk-summary-list__key' }, key),
          h('dd', { class: 'govuk-summary-list__value' }, ...(Array.isArray(value) ? value : [value])),
        ),
      ),
  )
}

/** A GOV.UK tag. */
export function tag(text: string, colour?: string): HTMLElement {
  return h('strong', { class: colour ? `govuk-tag govuk-tag--${colour}` : 'govuk-tag' }, text)
}

/** Shows one of a page's states (loading, error, content) and hides the others. */
export function show(visible: HTMLElement, ...hidden: HTMLElement[]): void {
  visible.hidden = false
  for (const element of hidden) element.hidden = true
}

/** The key/value pairs of the URL fragment, where manage tokens travel (never sent to a server). */
export function fragmentParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''))
}

/** Builds an SVG drawing (a chart from `@ey/presentation`); its words are set as text, never markup. */
export function svg(node: SvgNode): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', node.name)
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name !== 'xmlns') element.setAttribute(name, value)
  }
  if (node.text !== undefined) element.textContent = node.text
  for (const child of node.children) element.append(svg(child))
  return element
}

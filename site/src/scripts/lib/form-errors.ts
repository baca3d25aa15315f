import type { FieldError } from '@ey/contract'
import { byId, h } from './dom.ts'

const CONTROL_ERROR_CLASS: Record<string, string> = {
  INPUT: 'govuk-input--error',
  SELECT: 'govuk-select--error',
  TEXTAREA: 'govuk-textarea--error',
}

/**
 * GOV.UK error handling for one form: an error summary at the top linking to each field, an
 * inline message in each field's group, and "Error: " before the page title. Fields are found by
 * `[data-field="<name>"]` groups whose first control has the field's id.
 */
export class FormErrors {
  readonly #form: HTMLFormElement
  readonly #summary = byId('error-summary')
  readonly #list = byId('error-summary-list')
  readonly #title = document.title

  constructor(form: HTMLFormElement) {
    this.#form = form
    this.#list.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest('a')
      const target = link && document.getElementById(link.hash.slice(1))
      if (!target) return
      event.preventDefault()
      // Bring the question (legend or label) into view with its field, as GOV.UK does.
      target.closest('.govuk-form-group')?.scrollIntoView()
      target.focus({ preventScroll: true })
    })
  }

  /** Shows these errors (and only these) and moves focus to the summary. */
  show(errors: readonly FieldError[], general?: string): void {
    this.clear()
    const items: HTMLElement[] = []
    for (const { field, message } of errors) {
      const group = this.#form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)
      if (!group) {
        items.push(h('li', {}, message))
        continue
      }
      items.push(h('li', {}, h('a', { href: `#${field}` }, message)))
      this.#markGroup(group, field, message)
    }
    if (general) items.unshift(h('li', {}, general))
    this.#list.replaceChildren(...items)
    this.#summary.hidden = false
    document.title = `Error: ${this.#title}`
    this.#summary.focus()
  }

  /** Removes every error from the page. */
  clear(): void {
    this.#summary.hidden = true
    this.#list.replaceChildren()
    document.title = this.#title
    for (const group of this.#form.querySelectorAll<HTMLElement>('.govuk-form-group--error')) {
      group.classList.remove('govuk-form-group--error')
      const message = group.querySelector<HTMLElement>('.govuk-error-message')
      if (message) {
        message.hidden = true
        message.replaceChildren()
      }
      for (const control of group.querySelectorAll<HTMLElement>('[aria-describedby]')) {
        const ids = (control.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .filter((id) => !id.endsWith('-error'))
        if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '))
        else control.removeAttribute('aria-describedby')
      }
      for (const control of group.querySelectorAll<HTMLElement>('input, select, textarea')) {
        control.classList.remove(...Object.values(CONTROL_ERROR_CLASS), 'autocomplete__input--error')
      }
    }
  }

  #markGroup(group: HTMLElement, field: string, message: string): void {
    group.classList.add('govuk-form-group--error')
    const errorId = `${field}-error`
    const slot = group.querySelector<HTMLElement>(`#${CSS.escape(errorId)}`)
    if (slot) {
      slot.replaceChildren(h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${message}`)
      slot.hidden = false
    }
    const controls = group.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea')
    const fieldset = group.querySelector('fieldset')
    // A group of radios or checkboxes is described on its fieldset; a single control on itself.
    const described = fieldset && controls.length > 1 ? [fieldset] : [...controls]
    for (const control of described) {
      const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean))
      ids.add(errorId)
      control.setAttribute('aria-describedby', [...ids].join(' '))
    }
    for (const control of controls) {
      if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox'))
        continue
      const className = control.classList.contains('autocomplete__input')
        ? 'autocomplete__input--error'
        : CONTROL_ERROR_CLASS[control.tagName]
      if (className) control.classList.add(className)
    }
  }
}

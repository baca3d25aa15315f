import 'accessible-autocomplete/dist/accessible-autocomplete.min.css'

type Autocomplete = typeof import('accessible-autocomplete').default

/** Replaces one select with the accessible autocomplete; answers the text input that stands for it. */
function enhance(autocomplete: Autocomplete, select: HTMLSelectElement): HTMLInputElement | null {
  // The autocomplete's input takes the select's id (the select's becomes `<id>-select`).
  const id = select.id
  const describedBy = select.getAttribute('aria-describedby')
  const invalid = select.classList.contains('govuk-select--error')
  autocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: '',
    showAllValues: false,
    confirmOnBlur: true,
    tNoResults: () => 'No local authority found with that name',
  })
  const input = document.getElementById(id)
  if (!(input instanceof HTMLInputElement)) return null
  if (describedBy) input.setAttribute('aria-describedby', describedBy)
  if (invalid) input.classList.add('autocomplete__input--error')
  // Clearing the text must clear the choice too, or a stale LA would be sent.
  input.addEventListener('input', () => {
    if (input.value.trim() === '') select.value = ''
  })
  return input
}

/**
 * Turns each `select[data-la-picker]` into an accessible autocomplete the first time someone
 * reaches it (keyboard focus or a mouse press), and only then loads the autocomplete's code,
 * which would otherwise be most of the page's JavaScript. The select works on its own until then
 * (a choice made in it carries over) and stays what the form submits.
 */
export function enhanceLaPickersOnUse(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-la-picker]')) {
    const listening = new AbortController()
    const onUse = async (event: Event) => {
      // A mouse press would open the select's own list over the control about to replace it.
      if (event.type === 'mousedown') event.preventDefault()
      listening.abort()
      const { default: autocomplete } = await import('accessible-autocomplete')
      // Focus follows into the new control unless the person has moved on while it loaded.
      const wanted = event.type === 'mousedown' || document.activeElement === select
      const input = enhance(autocomplete, select)
      if (wanted) input?.focus()
    }
    select.addEventListener('focus', onUse, { signal: listening.signal })
    select.addEventListener('mousedown', onUse, { signal: listening.signal })
  }
}

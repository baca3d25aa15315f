declare module 'accessible-autocomplete' {
  interface EnhanceOptions {
    selectElement: HTMLSelectElement
    defaultValue?: string
    showAllValues?: boolean
    dropdownArrow?: () => string
    autoselect?: boolean
    confirmOnBlur?: boolean
    minLength?: number
    placeholder?: string
    tNoResults?: () => string
  }
  const accessibleAutocomplete: {
    enhanceSelectElement(options: EnhanceOptions): void
  }
  export default accessibleAutocomplete
}

// Stylesheets imported by scripts are bundled by Vite into <link> tags.
declare module '*.css'
